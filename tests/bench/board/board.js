// A busy board: 3,000 cards in five columns, and one card changing every 100 ms (its summary
// rewritten and, every fifth change, moved to another column), as on a team's board where
// others are editing. The page's own main-thread time is the baseline of the idle-cost bench.
const COLUMNS = ['To Do', 'In Progress', 'In Review', 'Blocked', 'Done'];
const CARDS = 3000;
const WORDS = ['Fix', 'login', 'timeout', 'on', 'board', 'export', 'CSV', 'sprint', 'report', 'API', 'rate', 'limit', 'mobile', 'layout', 'search'];

const board = document.getElementById('board');
const lists = COLUMNS.map((name) => {
  const column = document.createElement('section');
  column.className = 'column';
  const title = document.createElement('h2');
  title.textContent = name;
  const list = document.createElement('div');
  list.setAttribute('role', 'list');
  column.append(title, list);
  board.append(column);
  return list;
});

let seed = 12345;
const random = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const summary = () => Array.from({ length: 6 }, () => WORDS[random(WORDS.length)]).join(' ');

const cards = [];
for (let i = 0; i < CARDS; i += 1) {
  const card = document.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'listitem');
  const key = document.createElement('span');
  key.className = 'key';
  key.textContent = `ACME-${i + 1}`;
  const avatar = document.createElement('span');
  avatar.className = 'avatar';
  const text = document.createElement('p');
  text.textContent = summary();
  card.append(avatar, key, text);
  lists[i % COLUMNS.length].append(card);
  cards.push(card);
}

let changes = 0;
let last = null;
setInterval(() => {
  last?.classList.remove('changed');
  const card = cards[random(CARDS)];
  card.querySelector('p').textContent = summary();
  card.classList.add('changed');
  changes += 1;
  if (changes % 5 === 0) lists[random(COLUMNS.length)].prepend(card);
  last = card;
  document.body.dataset.changes = String(changes);
}, 100);
