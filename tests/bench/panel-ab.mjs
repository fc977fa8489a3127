// Compares builds of the extension on goal 1 alone (page → panel, panel open), with the bench's
// own panelTimings (panel.mjs), the builds alternating round by round so that they share the
// machine's load. Prints the medians, and the medians of each sample's difference to its own
// baseline (the admin page's load, a blank tab's open): on a shared machine those move less with
// the load than the times do. Not part of `./build.sh bench`.
//
//   node tests/bench/panel-ab.mjs ROUNDS COLD WARM label=dir [label=dir …]
//   e.g. node tests/bench/panel-ab.mjs 2 1 8 before=/tmp/before/chrome after=dist/chrome
import os from 'node:os';
import { panelTimings } from './panel.mjs';
import { summary } from './stats.mjs';

const [rounds, cold, warm, ...builds] = process.argv.slice(2);
const dirs = builds.map((b) => b.split('='));
if (!dirs.length || dirs.some(([label, dir]) => !label || !dir)) {
  console.error('usage: node tests/bench/panel-ab.mjs ROUNDS COLD WARM label=dir [label=dir …]');
  process.exit(2);
}
const all = {};
const loads = [];
for (let r = 0; r < Number(rounds); r += 1) {
  for (const [label, dir] of (r % 2 ? [...dirs].reverse() : dirs)) {
    loads.push(os.loadavg()[0]);
    const out = await panelTimings({ cold: Number(cold), warm: Number(warm), extensionDir: dir, log: (m) => console.error(label, m) });
    all[label] ??= Object.fromEntries(Object.keys(out).map((k) => [k, []]));
    for (const [k, xs] of Object.entries(out)) all[label][k].push(...xs);
  }
}
loads.push(os.loadavg()[0]);
const med = (xs) => summary(xs).median;
const f = (xs) => `${med(xs).toFixed(0)} (n ${xs.length})`;
const diff = (a, b) => med(a.map((x, i) => x - b[i])).toFixed(0);
console.log(`1-minute load average ${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)}`);
for (const [label, o] of Object.entries(all)) {
  console.log(`${label}: page → panel cold ${f(o.pageCold)} (page load ${f(o.pageColdLoad)}), warm ${f(o.pageWarm)} (page load ${f(o.pageWarmLoad)}); `
    + `panel open cold ${f(o.openCold)} (blank ${f(o.blankCold)}), warm ${f(o.openWarm)} (blank ${f(o.blankWarm)})`);
  console.log(`  median of (shown − page load): cold ${diff(o.pageCold, o.pageColdLoad)}, warm ${diff(o.pageWarm, o.pageWarmLoad)}; `
    + `of (open − blank): cold ${diff(o.openCold, o.blankCold)}, warm ${diff(o.openWarm, o.blankWarm)}`);
}
