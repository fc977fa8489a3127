// Statistics and machine facts for the bench: quantiles, summaries, a bootstrap range for a ratio
// of medians, and the machine's load sampled through the run (other work on a shared machine
// moves every number, so the report says how busy it was).
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}

/** n, median, p90, p95 and max of a sample. */
export function summary(xs) {
  return { xs, n: xs.length, median: quantile(xs, 0.5), p90: quantile(xs, 0.9), p95: quantile(xs, 0.95), max: Math.max(...xs) };
}

// A fixed-seed generator, so the same samples always give the same range.
function xorshift(seed = 0x9e3779b9) {
  let s = seed;
  return () => {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/**
 * The range the ratio of `stat` (a quantile) of `ours` to that of `theirs` falls in for 90% of
 * bootstrap resamples of both samples: heavy-tailed timings move one run's ratio by tens of
 * percent, so a goal is shown met only if the whole range is under it.
 */
export function ratioRange(ours, theirs, q = 0.5, rounds = 2000) {
  const random = xorshift();
  const resample = (xs) => xs.map(() => xs[Math.floor(random() * xs.length)]);
  const ratios = [];
  for (let i = 0; i < rounds; i += 1) ratios.push(quantile(resample(ours), q) / quantile(resample(theirs), q));
  return [quantile(ratios, 0.05), quantile(ratios, 0.95)];
}

/** The same for one sample's quantile: the range `q` of `xs` falls in for 90% of resamples. */
export function quantileRange(xs, q, rounds = 2000) {
  const random = xorshift();
  const values = [];
  for (let i = 0; i < rounds; i += 1) values.push(quantile(xs.map(() => xs[Math.floor(random() * xs.length)]), q));
  return [quantile(values, 0.05), quantile(values, 0.95)];
}

export const ms = (x) => (!Number.isFinite(x) ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
export const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

export function machine() {
  let cpuinfo = '';
  try { cpuinfo = readFileSync('/proc/cpuinfo', 'utf8'); } catch { /* not Linux */ }
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  let chromium = 'unknown';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch { /* reported as unknown */ }
  return { nproc: os.availableParallelism?.() ?? os.cpus().length, model, chromium, memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB` };
}

// Busy fraction of all cores since the previous reading, from /proc/stat (null elsewhere).
function cpuTimes() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const v = fields.map(Number);
    const idle = v[3] + (v[4] ?? 0);
    return { idle, total: v.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/**
 * Samples the load average and the machine's busy fraction every `everyMs` until stopped. The
 * busy fraction includes the bench's own browser: it says how much CPU was left, not who used it.
 */
export function loadSampler(everyMs = 5000) {
  const loads = [os.loadavg()[0]];
  const start = cpuTimes();
  const timer = setInterval(() => loads.push(os.loadavg()[0]), everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      loads.push(os.loadavg()[0]);
      const end = cpuTimes();
      const busy = start && end && end.total > start.total ? 1 - (end.idle - start.idle) / (end.total - start.total) : NaN;
      return { start: loads[0], end: loads.at(-1), min: Math.min(...loads), max: Math.max(...loads), busy };
    },
  };
}

/**
 * For paired samples (`ours[i]` and `theirs[i]` measured over the same window): the median of
 * the per-pair ratios, and the range it falls in for 90% of bootstrap resamples of the pairs.
 * Pairing cancels what moves both sides of a window alike (the machine's load, the browser).
 */
export function pairedRatio(ours, theirs, rounds = 2000) {
  const ratios = ours.map((x, i) => x / theirs[i]);
  const random = xorshift();
  const medians = [];
  for (let i = 0; i < rounds; i += 1) medians.push(quantile(ratios.map(() => ratios[Math.floor(random() * ratios.length)]), 0.5));
  return { ratios, median: quantile(ratios, 0.5), range: [quantile(medians, 0.05), quantile(medians, 0.95)] };
}
