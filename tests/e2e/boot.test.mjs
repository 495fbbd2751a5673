// Starting without WebAssembly (issue 16): a browser where WebAssembly is
// switched off (a setting, a JIT-less security mode, a policy: the global is
// gone) is told that it is switched off, not that the browser lacks it; a
// browser whose WebAssembly is there but refuses to compile is told that.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

const url = process.env.E2E_URL || 'http://127.0.0.1:9900/';
let context;

before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

// bootMessage opens the page with init run before any of its scripts and
// returns the boot status once it is an error.
async function bootMessage(init) {
  const page = await context.newPage();
  await page.addInitScript(init);
  await page.goto(url);
  const status = page.locator('#boot-status.boot-error');
  await status.waitFor({ timeout: 20000 });
  const text = (await status.textContent()).trim();
  const train = await page.getByRole('button', { name: 'Train', exact: true }).count();
  await page.close();
  return { text, train };
}

test('WebAssembly switched off: the message says so and does not blame the browser', async () => {
  const { text, train } = await bootMessage(() => { delete globalThis.WebAssembly; });
  assert.match(text, /needs WebAssembly, which is switched off here/);
  assert.match(text, /Allow WebAssembly for this site/);
  assert.doesNotMatch(text, /this browser does not offer|Try a current/, 'no blame on the browser');
  assert.equal(train, 0, 'the playground did not start');
});

test('WebAssembly present but refusing to compile: the message says that', async () => {
  const { text } = await bootMessage(() => {
    const refuse = () => Promise.reject(new WebAssembly.CompileError('compiling is disabled by a test'));
    WebAssembly.compileStreaming = refuse;
    WebAssembly.compile = refuse;
  });
  assert.match(text, /has WebAssembly but would not compile LSTM Playground \(compiling is disabled by a test\)/);
  assert.match(text, /restricted here/);
});
