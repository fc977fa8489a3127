// Which sites Linksmith works on, and which side of the setup a site is. One list, used by the
// router's sender checks and the fill planner, so no path can disagree about what is allowed.
const SIDES = [
  { side: 'jira', suffixes: ['atlassian.net'] },
  { side: 'align', suffixes: ['jiraalign.com', 'agilecraft.com'] },
];

/** `'jira'`, `'align'` or `null` for an https URL; suffixes match on a dot boundary only. */
export function sideOfUrl(href) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  const host = url.hostname;
  for (const { side, suffixes } of SIDES) {
    if (suffixes.some((s) => host.endsWith(`.${s}`))) return side;
  }
  return null;
}

export function originOf(href) {
  try {
    return new URL(href).origin;
  } catch {
    return null;
  }
}
