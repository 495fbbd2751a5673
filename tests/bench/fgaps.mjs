// fgaps.mjs — where the long frame gaps fall while the page trains: one JSON
// line with the requestAnimationFrame gaps of --secs seconds (frames, p99,
// longest) and each gap over 25 ms with the second it began at, so that
// builds can be compared round by round (README, "Two engines, two cores"):
//
//   node tests/bench/fgaps.mjs --site <the playground's URL> [--compare 1] [--settle 2000] [--secs 10]
//
// Train is pressed as a person would, and with --compare 1 (the default)
// Compare LSTM and RNN too; the gaps are counted --settle ms later.
import { launch } from '../e2e/browser.mjs';
import { args } from './cli.mjs';

const a = args();
if (!a.site) throw new Error('--site is required');
const compare = a.compare === undefined || a.compare !== '0';
const settle = Number(a.settle ?? 2000), secs = Number(a.secs ?? 10);

const context = await launch();
try {
  const page = await context.newPage();
  await page.goto(a.site);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.waitFor({ state: 'visible', timeout: 60000 });
  await page.waitForTimeout(1000);
  await train.click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor({ timeout: 10000 });
  if (compare) {
    await page.getByRole('button', { name: 'Compare LSTM and RNN', exact: true }).click();
    await page.getByText('Hidden state h of the RNN', { exact: false }).first().waitFor({ timeout: 30000 });
  }
  await page.waitForTimeout(settle);
  const stamps = await page.evaluate((ms) => new Promise((done) => {
    const ts = [];
    const tick = (t) => { ts.push(t); if (t - ts[0] < ms) requestAnimationFrame(tick); else done(ts); };
    requestAnimationFrame(tick);
  }), secs * 1000);
  const gaps = stamps.slice(1).map((t, i) => [t - stamps[i], (stamps[i] - stamps[0]) / 1000]);
  const sorted = gaps.map(([g]) => g).sort((x, y) => x - y);
  const long = gaps.filter(([g]) => g > 25).map(([g, t]) => ({ at: Math.round(t * 10) / 10, ms: Math.round(g * 10) / 10 }));
  console.log(JSON.stringify({ compare, settle, secs, frames: gaps.length, p99: sorted[Math.ceil(0.99 * sorted.length) - 1], max: sorted[sorted.length - 1], longGaps: long.length, long }));
} finally {
  await context.close();
}
