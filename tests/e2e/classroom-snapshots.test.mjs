// Training snapshots (issue 4, "Two time axes"): as a model trains, the page
// keeps its trace and a short sample at updates 0, 100, 300, 1,000, …; the
// Samples along training list shows them in order, each with its sample, and
// the Training snapshot slider shows the heatmaps of each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { url, open, trainTo, button, waitStat, pause } from './classroom.mjs';

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

test('snapshots at update 0, 100, 300, 1,000, in order, with samples; the slider shows each', async (t) => {
  const { page, problems } = await open(context, url + '#v=1&preset=rhyme&h=16&seed=2');
  const trained = await trainTo(page, 1100, 90000);
  const list = page.getByRole('region', { name: 'Samples along training' }).getByRole('listitem');
  await page.waitForFunction(() => document.querySelectorAll('.snap-item:not([hidden])').length >= 4, null, { timeout: 15000 });
  const items = [];
  for (const li of await list.all()) {
    const text = (await li.textContent()).trim();
    const m = text.match(/^update ([0-9,]+)\s*([\s\S]*)$/);
    assert.ok(m, `a snapshot row: ${text}`);
    items.push({ update: Number(m[1].replace(/,/g, '')), sample: m[2] });
  }
  console.log(`# trained to ${trained}; snapshots: ${items.map((i) => i.update).join(', ')}`);
  const updates = items.map((i) => i.update);
  for (let i = 1; i < updates.length; i++) assert.ok(updates[i] > updates[i - 1], `in update order: ${updates}`);
  assert.ok(updates.length >= 4, 'a snapshot for each of 0, 100, 300, 1,000');
  // Each lands exactly at its nominal update: the engine answers as training
  // passes it, and the page keeps the next one asked for ahead of time, so even
  // this fast run (h=16) does not pass one during a round trip.
  assert.deepEqual(updates.slice(0, 4), [0, 100, 300, 1000], 'the snapshots\' updates');
  for (const it of items) assert.ok(it.sample.length >= 20, `update ${it.update} has a sample: ${JSON.stringify(it.sample)}`);
  assert.notEqual(items[0].sample, items.at(-1).sample, 'the samples change as the model learns');

  // The slider: its left end is the first snapshot, its right end the live model.
  const slider = page.getByRole('slider', { name: 'Training snapshot' });
  await slider.focus();
  await slider.press('Home');
  await page.getByText(/^Training snapshot: the model at update 0, /).waitFor({ timeout: 5000 });
  assert.match(await slider.getAttribute('aria-valuetext'), /^update 0 \(snapshot 1 of \d+\)$/);
  await slider.press('ArrowRight');
  await page.getByText(/^Training snapshot: the model at update 100, /).waitFor({ timeout: 5000 });
  await slider.press('End');
  await page.getByText(new RegExp(`^Model after update ${trained.toLocaleString('en-US')}, `)).waitFor({ timeout: 5000 });
  assert.match(await slider.getAttribute('aria-valuetext'), /\(live\)$/);
  assert.deepEqual(problems, []);
});

// Reset of an untrained model (and Compare, which resets both models) makes a
// new model at update 0 without a new list of snapshots: the snapshots the
// page asked for must still come as the new model passes their updates.
test('snapshots keep coming after Reset of an untrained model', async () => {
  const { page, problems } = await open(context, url + '#v=1&preset=rhyme&h=16&seed=3');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await trainTo(page, 400, 90000);
  await page.waitForFunction(() => document.querySelectorAll('.snap-item:not([hidden])').length >= 3, null, { timeout: 15000 })
    .catch(() => {});
  const rows = await page.getByRole('region', { name: 'Samples along training' }).getByRole('listitem').allTextContents();
  const updates = rows.map((t) => Number((t.trim().match(/^update ([0-9,]+)/) || [])[1]?.replace(/,/g, '')));
  assert.deepEqual(updates.slice(0, 3), [0, 100, 300], `snapshots after Reset: ${updates}`);
  assert.deepEqual(problems, [], 'no console errors');
  await page.close();
});

// Compare resets the page's model and trains at once: the snapshots of the new
// model are asked before Train is sent, so a fast model does not run past 0
// and 100 before the page hears of it (the list started at 250 or so when the
// page asked only after the new model's Status).
test('snapshots at update 0, 100, 300 while comparing LSTM and RNN', async () => {
  const { page, problems } = await open(context, url + '#v=1&preset=counting&h=16');
  await button(page, 'Compare LSTM and RNN').click();
  await button(page, 'Stop comparing').waitFor({ timeout: 5000 });
  await waitStat(page, 'Update', (u) => u >= 400, 90000);
  await pause(page);
  await page.waitForFunction(() => document.querySelectorAll('.snap-item:not([hidden])').length >= 3, null, { timeout: 15000 })
    .catch(() => {});
  const rows = await page.getByRole('region', { name: 'Samples along training' }).getByRole('listitem').allTextContents();
  const updates = rows.map((t) => Number((t.trim().match(/^update ([0-9,]+)/) || [])[1]?.replace(/,/g, '')));
  assert.deepEqual(updates.slice(0, 3), [0, 100, 300], `snapshots while comparing: ${updates}`);
  assert.deepEqual(problems, [], 'no console errors');
  await page.close();
});
