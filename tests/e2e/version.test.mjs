// A page and an engine of different protocol versions (wasm/protocol's
// header byte 2), as after a deploy when the browser kept an old copy of
// one of them: the page must say so and offer a reload, never misread the
// engine. The engine's messages are made to look like version 1's by
// changing their version byte on the way, before the page reads them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { url, open, watch, pollUntil } from './classroom.mjs';

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

const reload = (page) => page.getByRole('button', { name: 'Reload the page', exact: true });
const message = /different versions of LSTM Playground \(the page speaks protocol 2, the engine 1\)/;

test('an engine of an older protocol at start: the loading screen says so and offers a reload', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  // Every message of the page's engine arrives with version byte 1.
  await page.addInitScript(() => {
    const Real = globalThis.Worker;
    globalThis.Worker = class extends Real {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => {
          const d = e.data;
          const b = d instanceof Uint8Array ? d : (d instanceof ArrayBuffer ? new Uint8Array(d) : null);
          if (b && b.length >= 3 && b[0] === 76 && b[1] === 80) b[2] = 1;
        });
      }
    };
  });
  await page.goto(url);
  await page.getByText(message).waitFor({ timeout: 60000 });
  assert.equal(await page.locator('#app').isHidden(), true, 'the playground is not shown as if it worked');
  await reload(page).waitFor({ timeout: 5000 });
  const nav = page.waitForNavigation({ timeout: 30000 });
  await reload(page).click();
  await nav;
  assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
  await page.close();
});

test('an old-version message while the page runs: the page stops and offers a reload', async () => {
  const { page, problems } = await open(context);
  await page.evaluate(() => {
    // A Progress of protocol version 1, as an old engine would send it.
    const b = new Uint8Array(4 + 8 + 8 + 1 + 8 + 8 + 8 + 8 + 1 + 8 + 4);
    b.set([76, 80, 1, 65]);
    globalThis.lstmPlayground.worker.dispatchEvent(new MessageEvent('message', { data: b }));
  });
  await page.getByRole('alert').filter({ hasText: message }).waitFor({ timeout: 10000 });
  await reload(page).waitFor({ timeout: 5000 });
  // Train goes off with the page's next frame (a loaded machine may take a while to draw it).
  await pollUntil(page, () => page.getByRole('button', { name: 'Train', exact: true }).isDisabled(), (off) => off, 5000)
    .catch(() => assert.fail('Train is off: nothing more goes to that engine'));
  assert.deepEqual(problems, []);
  await page.close();
});
