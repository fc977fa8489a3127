// Self-hosted Jira Data Center / Jira Align: the admin adds one https origin at a time. The browser
// asks the admin for that one origin (an optional host permission, requested from this click);
// only then does the service worker register the content scripts for it and record it in
// chrome.storage.local.approvedHosts, the one list that the worker's side detection and the
// content scripts' fill gate both read. Removing a site reverses all three.
import { normaliseOrigin, builtInSide, APPROVED_KEY } from '../sw/hosts.js';

export function setupHosts(doc, t) {
  const $ = (id) => doc.getElementById(id);
  const status = $('host-status');
  const say = (text, result) => {
    status.textContent = text;
    status.dataset.result = result;
    status.dataset.seq = String(Number(status.dataset.seq ?? 0) + 1);
  };

  async function send(type, payload) {
    const answer = await chrome.runtime.sendMessage({ type, ...payload });
    if (!answer?.ok) throw new Error(answer?.error?.message ?? 'no answer');
    return answer.data;
  }

  function render(hosts) {
    $('host-list').replaceChildren(...hosts.map(({ origin, side }) => {
      const li = doc.createElement('li');
      li.dataset.origin = origin;
      li.dataset.side = side;
      const text = doc.createElement('span');
      text.textContent = `${t('hostListItem', [origin, t(side === 'align' ? 'hostSideAlign' : 'hostSideJira')])} `;
      const remove = doc.createElement('button');
      remove.type = 'button';
      remove.className = 'host-remove';
      remove.textContent = t('hostRemove', origin);
      remove.addEventListener('click', async () => {
        try {
          await send('panel:removeHost', { origin });
          say(t('hostRemoved', origin), 'removed');
        } catch (error) {
          say(error.message, 'error');
        }
      });
      li.append(text, remove);
      return li;
    }));
  }

  async function refresh() {
    const stored = (await chrome.storage.local.get(APPROVED_KEY))[APPROVED_KEY];
    render(Array.isArray(stored) ? stored : []);
  }

  $('host-add').addEventListener('click', () => {
    const origin = normaliseOrigin($('host-url').value.trim());
    const side = $('host-side').value === 'align' ? 'align' : 'jira';
    if (!origin) return say(t('hostBadUrl'), 'error');
    if (builtInSide(origin)) return say(t('hostBuiltIn', origin), 'error');
    // permissions.request must run in this click's user gesture: nothing is awaited before it.
    chrome.permissions.request({ origins: [`${origin}/*`] }).then(async (granted) => {
      if (!granted) return say(t('hostDenied', origin), 'denied');
      await send('panel:addHost', { origin, side });
      $('host-url').value = '';
      say(t('hostAdded', origin), 'added');
    }).catch((error) => say(error.message, 'error'));
  });

  chrome.storage.local.onChanged.addListener((changes) => {
    if (APPROVED_KEY in changes) refresh().catch(() => {});
  });
  refresh().catch(() => {});
}
