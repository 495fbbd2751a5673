// The bad-input catalogue, page side (issue 7): hostile or careless input
// typed, pasted, loaded or linked into the page, as a person does it, found by
// role and exact name. Each row states the input, checks the message the
// person sees, and checks that the model and session are unchanged: the
// Update count, the engine's model file (configuration, update count and every
// parameter, bit for bit) and its trace of the probe, read from the engine
// without disturbing the page (engine.mjs). Limits are checked to be stated
// before they are hit. The Go side of the catalogue (wasm/engine, wasm/share,
// web) covers the same surfaces with more values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { launch } from './browser.mjs';
import { installListener, request, snapshot } from './engine.mjs';
import { divergingRun } from './classroom.mjs';

const url = process.env.E2E_URL || 'http://127.0.0.1:9900/';
let context;

before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

async function open(target = url) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss(); });
  await page.goto(target);
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ state: 'visible', timeout: 30000 });
  await installListener(page);
  return { page, problems };
}

async function updates(page) {
  const text = (await page.getByRole('status', { name: 'Update', exact: true }).textContent()).trim();
  const m = text.replace(/,/g, '').match(/^([0-9.]+)\s*([kM]?)/);
  return m ? Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : 1) : NaN;
}

async function waitUpdates(page, pred, timeout = 10000) {
  const end = Date.now() + timeout;
  let n;
  while (Date.now() < end) {
    n = await updates(page);
    if (pred(n)) return n;
    await page.waitForTimeout(50);
  }
  throw new Error(`Update = ${n}: condition not met within ${timeout} ms`);
}

// alert waits for a visible alert whose text matches re and returns its text.
async function alert(page, re, timeout = 8000) {
  const a = page.getByRole('alert').filter({ hasText: re }).first();
  await a.waitFor({ state: 'visible', timeout });
  return (await a.textContent()).trim();
}

// noAlert waits until no visible alert matches re.
async function noAlert(page, re, timeout = 8000) {
  await page.getByRole('alert').filter({ hasText: re }).first().waitFor({ state: 'hidden', timeout });
}

// session is the state a refused input must leave alone.
async function session(page, probe) {
  return { update: await updates(page), ...(await snapshot(page, probe)) };
}

const logged = [];
function log(surface, input, message, unchanged) {
  logged.push(`CATALOGUE | ${surface} | ${input} | ${message} | ${unchanged}`);
}
after(() => { for (const l of logged) console.log('# ' + l); console.log(`# ${logged.length} rows`); });

// refuse runs one row: act, see the message, find the session as it was, undo.
async function refuse(t, page, { surface, input, act, want, undo, wantGone, probe = 'Twinkle' }) {
  await t.test(`${surface}: ${input}`, async () => {
    const before = await session(page, probe);
    await act();
    const msg = await alert(page, want);
    // Let anything the input set off reach the engine before looking again.
    await page.waitForTimeout(100);
    const after = await session(page, probe);
    assert.deepEqual(after, before, `${surface} ${input}: the model or session changed`);
    log(surface, input, msg, `unchanged (update ${after.update}, model and trace identical)`);
    if (undo) {
      await undo();
      await noAlert(page, wantGone || want);
    }
  });
}

test('bad input: a message at the field, and the model and session unchanged', async (t) => {
  const { page, problems } = await open();
  const text = page.getByRole('textbox', { name: 'Training text' });
  const step = page.getByRole('button', { name: 'One update', exact: true });
  for (let i = 0; i < 3; i++) {
    await step.click();
    await waitUpdates(page, (n) => n === i + 1);
  }
  const original = await text.inputValue();
  const restore = () => text.fill(original);

  // Limits are stated before they are hit.
  await t.test('the text limits are stated before they are hit', async () => {
    const hint = await page.getByText(/Up to 1,000,000 characters and 4,096 distinct characters/).first();
    assert.ok(await hint.isVisible(), 'the limits of the training text are shown beside it');
    log('Training text', '(before any input)', (await hint.textContent()).trim(), 'shown beside the field');
  });

  await t.test('every number setting states its range before anything is typed', async () => {
    for (const [field, bounds] of [
      ['Hidden units', '1 to 512'], ['Learning rate', '0.000001 to 1'], ['Sequence length', '1 to 256'],
      ['Gradient clip', '0 to 1000'], ['Seed', '0 to 9,007,199,254,740,991'], ['Forget-gate bias', '−10 to 10'],
      ['Length', '1 to 10,000'], ['Temperature', '0 to 10'],
    ]) {
      const box = page.getByRole('spinbutton', { name: field, exact: true });
      // what a screen reader says with the field (aria-describedby), and that it is on screen
      const said = await box.evaluate((e) => (e.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
        .map((id) => { const d = document.getElementById(id); return d && d.checkVisibility() ? d.textContent : ''; }).join(' '));
      assert.ok(said.includes(bounds), `${field}: its description "${said}" states ${bounds}`);
      assert.equal(await page.getByRole('alert').filter({ hasText: new RegExp(field) }).count(), 0, `${field}: no alert yet`);
      log(field, '(before any input)', said.trim(), 'the range shown beside the field');
    }
  });

  const textRows = [
    ['empty', '', /training text is empty/],
    ['white space only', '  \n\t \n', /only white space/],
    ['one symbol', 'x', /at least 2 symbols/],
    ['a 2 MB paste', 'abcd '.repeat(420000), /has 2,100,000 characters; the limit is 1,000,000/],
    ['5,000 distinct characters', Array.from({ length: 5000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join(''), /more than 4,096 distinct characters/],
  ];
  for (const [input, value, want] of textRows) {
    await refuse(t, page, { surface: 'Training text', input, act: () => text.fill(value), want, undo: restore });
  }

  const settings = [
    ['Hidden units', '0', /Hidden units 0 is out of range: use a whole number from 1 to 512/],
    ['Hidden units', '100000', /Hidden units 100000 is out of range: use a whole number from 1 to 512/],
    ['Learning rate', '0', /Learning rate 0 is out of range: use a number from 0\.000001 to 1/],
    ['Learning rate', '1e6', /Learning rate 1e6 is out of range/],
    ['Sequence length', '0', /Sequence length 0 is out of range: use a whole number from 1 to 256/],
    ['Sequence length', '257', /Sequence length 257 is out of range/],
    ['Gradient clip', '-1', /Gradient clip -1 is out of range/],
    ['Forget-gate bias', '11', /Forget-gate bias 11 is out of range/],
  ];
  for (const [field, value, want] of settings) {
    const box = page.getByRole('spinbutton', { name: field, exact: true });
    const old = await box.inputValue();
    await refuse(t, page, {
      surface: field, input: value, want,
      act: async () => { await box.fill(value); await box.press('Tab'); },
      undo: async () => { await box.fill(old); await box.press('Tab'); },
    });
  }

  // The probe and Generate.
  const probe = page.getByRole('textbox', { name: 'Probe text' });
  const oldProbe = await probe.inputValue();
  await refuse(t, page, {
    surface: 'Probe text', input: 'a character the model does not know', want: /not in the vocabulary: '🙂'/,
    act: () => probe.fill('Twinkle 🙂'), undo: () => probe.fill(oldProbe),
  });
  const generate = page.getByRole('button', { name: 'Generate', exact: true });
  for (const [field, value, want] of [['Length', '1000000', /Length 1000000 is out of range: use a whole number from 1 to 10,000/], ['Temperature', '-1', /Temperature -1 is out of range: use a number from 0 to 10/]]) {
    const box = page.getByRole('spinbutton', { name: field, exact: true });
    const old = await box.inputValue();
    await refuse(t, page, {
      surface: field, input: value, want,
      act: async () => { await box.fill(value); await box.press('Tab'); await generate.click(); },
      undo: async () => { await box.fill(old); await box.press('Tab'); await generate.click(); },
    });
  }
  const prime = page.getByRole('textbox', { name: 'Prime', exact: true });
  const oldPrime = await prime.inputValue();
  await refuse(t, page, {
    surface: 'Prime', input: '3,000 characters', want: /The prime has 3,000 characters; the limit is 2,000/,
    act: async () => { await prime.fill('Twinkle '.repeat(375)); await generate.click(); },
  });
  await t.test('Generate works again once the prime is short', async () => {
    await prime.fill(oldPrime);
    await generate.click({ timeout: 3000 });
    await noAlert(page, /The prime has/);
  });

  // Load model: files that are not models, cut short, from a newer version, corrupt.
  const file = page.locator('input[type=file]');
  await t.test('Load model is a labelled file input', async () => {
    assert.equal(await page.getByLabel('Load model', { exact: true }).evaluate((e) => e.type), 'file');
  });
  const good = await request(page, 'file');
  const corrupt = Buffer.from(good);
  corrupt[corrupt.length >> 1] ^= 1;
  const future = Buffer.from(good);
  future.writeUInt32LE(2, 8);
  for (const [input, buffer, want] of [
    ['an empty file', Buffer.alloc(0), /the model file is empty/],
    ['a PNG image', Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'), /not an LSTM Playground model file/],
    ['the file cut in half', good.subarray(0, good.length >> 1), /truncated: expected \d+ bytes, got \d+/],
    ['one byte changed', corrupt, /corrupt: its checksum/],
    ['a file of a future format', future, /made by a newer version of LSTM Playground/],
  ]) {
    await refuse(t, page, {
      surface: 'Load model', input, want,
      act: () => file.setInputFiles({ name: 'model.lstm', mimeType: 'application/octet-stream', buffer }),
    });
  }
  // After every refused input above, the next update is the one a session
  // that saw none of them makes: the same loss, bit for bit.
  await t.test('the next update is that of a session that saw no bad input', async () => {
    const n = await updates(page);
    await step.click();
    await waitUpdates(page, (u) => u === n + 1);
    const twin = await open();
    for (let i = 0; i <= n; i++) {
      await twin.page.getByRole('button', { name: 'One update', exact: true }).click();
      await waitUpdates(twin.page, (u) => u === i + 1);
    }
    const losses = (p) => p.evaluate(() => globalThis.__lpLosses.map((x) => x.toString()));
    const [mine, theirs] = [await losses(page), await losses(twin.page)];
    assert.equal(mine.length, n + 1);
    assert.deepEqual(mine.slice(n), theirs.slice(n), 'the loss of the next update');
    assert.deepEqual(await snapshot(page, 'Twinkle'), await snapshot(twin.page, 'Twinkle'), 'the model after it');
    log('(all of the above)', `${logged.length} refused inputs, then one Step`, `update ${n + 1} has loss ${mine[n]}, as in a fresh session`, 'the model file and trace equal a fresh session\'s');
    assert.deepEqual(twin.problems, []);
    await twin.page.close();
  });
  assert.deepEqual(problems, []);

  // Numbers mode: a session of its own.
  await page.getByRole('radio', { name: 'Numbers' }).check();
  await page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Sine wave (numbers)' });
  await waitUpdates(page, (n) => n === 0);
  for (let i = 0; i < 2; i++) {
    await step.click();
    await waitUpdates(page, (n) => n === i + 1);
  }
  const sine = await text.inputValue();
  for (const [input, want] of [
    ['1, NaN, 2', /Number 2, "NaN" \(at character 4\), cannot be used: not a finite decimal number/],
    ['1, Infinity', /Number 2, "Infinity"/],
    ['1, 1e308', /Number 2, "1e308" \(at character 4\), cannot be used: too large; use values from -1e\+09 to 1e\+09/],
    ['0,5; 1,5', /Number 1, "0,5" \(at character 1\), cannot be used: use a dot as the decimal separator/],
    ['0, 0.5, banana', /Number 3, "banana"/],
  ]) {
    await refuse(t, page, { surface: 'Training numbers', input, act: () => text.fill(input), want, undo: () => text.fill(sine), probe: '0, 0.5, 1' });
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('a refused numbers list: Train and Step refuse, and the model is unchanged', async (t) => {
  const { page, problems } = await open();
  const text = page.getByRole('textbox', { name: 'Training text' });
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const step = page.getByRole('button', { name: 'One update', exact: true });
  await step.click();
  await waitUpdates(page, (n) => n === 1);
  // The person's own text, then Numbers mode: the text is not a list of numbers.
  await text.fill('Twinkle, twinkle, little star');
  await page.waitForTimeout(700);
  await step.click();
  await waitUpdates(page, (n) => n === 1 || n === 2);
  const want = /Number 1, "Twinkle" \(at character 1\), cannot be used/;
  for (const [button, name] of [[train, 'Train'], [step, 'One update']]) {
    await t.test(`${name} after the numbers are refused`, async () => {
      await page.getByRole('radio', { name: 'Text' }).check();
      await page.waitForTimeout(300);
      const before = await session(page, 'Twinkle');
      await page.getByRole('radio', { name: 'Numbers' }).check();
      const msg = await alert(page, want);
      await button.click();
      const refused = await alert(page, new RegExp(`${name} waits for training data it can use`));
      await page.waitForTimeout(800);
      assert.deepEqual(await session(page, 'Twinkle'), before, `${name}: the model or session changed`);
      assert.ok(await page.getByRole('button', { name: 'Train', exact: true }).isVisible(), 'not training');
      log('Training numbers', `text in Numbers mode, then ${name}`, `${msg} / ${refused}`, `unchanged (update ${before.update}, model and trace identical)`);
    });
  }
  await t.test('valid numbers train', async () => {
    await text.fill('0, 0.5, 1, 0.5, 0, -0.5, -1, -0.5');
    await waitUpdates(page, (n) => n === 0);
    await noAlert(page, /waits for training data/);
    await step.click();
    await waitUpdates(page, (n) => n === 1);
  });
  assert.deepEqual(problems, []);
  await page.close();
});

test('careless text that is valid trains at once and is shown as text', async (t) => {
  const { page, problems } = await open();
  const text = page.getByRole('textbox', { name: 'Training text' });
  const step = page.getByRole('button', { name: 'One update', exact: true });
  const vocab = page.getByLabel('Vocabulary');
  for (const [input, value, shows] of [
    ['hostile HTML', '<img src=x onerror=alert(1)> <b>bold</b> <script>alert(2)</script>', ['<', '>', '=']],
    ['emoji, right-to-left and Chinese', '🙂🙃 👍🏽 שלום עולם مرحبا بالعالم 小星星，一闪一闪', ['🙂', 'ש', 'م', '星']],
    ['lone surrogates', 'ab\uD800cd x\uDC00y ab', ['\uFFFD']],
  ]) {
    await t.test(input, async () => {
      const n = await updates(page);
      await text.fill(value);
      await waitUpdates(page, (u) => u === 0);
      await step.click();
      await waitUpdates(page, (u) => u === 1);
      const chars = await vocab.textContent();
      for (const c of shows) assert.ok(chars.includes(c), `the vocabulary shows ${c}: ${chars}`);
      assert.equal(await page.locator('#app img:not(.cell-img), #app b, #app script').count(), 0, 'no element made from the text'); // the cell figure's own images aside
      log('Training text', input, 'accepted: one Step trains it; its characters are shown as text', `a new model for the new characters (update ${n} → 0 → 1)`);
    });
  }
  await t.test('sequence length 1', async () => {
    const n = await updates(page);
    const seq = page.getByRole('spinbutton', { name: 'Sequence length', exact: true });
    await seq.fill('1');
    await seq.press('Tab');
    await page.waitForTimeout(300);
    assert.equal(await updates(page), n, 'the model is kept');
    await step.click();
    await waitUpdates(page, (u) => u === n + 1);
    assert.ok(Number.isFinite(Number((await page.getByRole('status', { name: 'Loss', exact: true }).textContent()).trim())), 'a finite loss');
    log('Sequence length', '1', 'accepted: one step per update; one Step trains', `model kept (update ${n} → ${n + 1})`);
  });
  await t.test('sequence length longer than the text', async () => {
    await text.fill('ababab'); // characters the model knows: it is kept
    await page.waitForTimeout(500);
    const n = await updates(page);
    const seq = page.getByRole('spinbutton', { name: 'Sequence length', exact: true });
    await seq.fill('256');
    await seq.press('Tab');
    await page.waitForTimeout(300);
    await step.click();
    await waitUpdates(page, (u) => u === n + 1);
    assert.ok(Number.isFinite(Number((await page.getByRole('status', { name: 'Loss', exact: true }).textContent()).trim())), 'a finite loss');
    log('Sequence length', '256 on a 6-character text', 'accepted: the window is the whole text; one Step trains', `model kept (update ${n} → ${n + 1})`);
  });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a diverging run stops, says so, and keeps the last finite model', async () => {
  const { page, problems } = await open();
  await divergingRun(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const msg = await alert(page, /Training diverged at update (\d+)/, 20000);
  const at = Number(msg.match(/update (\d+)/)[1]);
  assert.match(msg, new RegExp(`kept as it was after update ${at - 1}\\. Try a smaller learning rate`));
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 5000 });
  assert.equal(await waitUpdates(page, (n) => n === at - 1), at - 1, 'the Update count is the last finite update');
  const file = await request(page, 'file'); // a model with a NaN or infinite parameter cannot be saved
  assert.equal(Number(file.readBigUInt64LE(80)), at - 1, "the model file's update count");
  // (the last losses before a divergence can exceed float32, the wire's width, and read as Infinity)
  assert.equal(await page.evaluate(() => globalThis.__lpLosses.filter((x) => x !== undefined).length), at - 1, 'a loss for every update kept, none for the diverged one');
  log('Learning rate', '1 with SGD and no clipping (numbers)', msg, `stopped; the model of update ${at - 1} kept, finite, and saves`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad links: a clear message, and the page starts with its own settings', async (t) => {
  for (const [input, hash, want] of [
    ['a link from a future version', '#v=99&h=64', /made by a newer version of LSTM Playground \(link format 99; this page reads format 1\)/],
    ['hidden units 0', '#v=1&h=0', /Hidden units \(h=0\) cannot be used: use a whole number from 1 to 512/],
    ['learning rate 1e6', '#v=1&lr=1e6', /Learning rate \(lr=1e6\) cannot be used/],
    ['a probe that is not UTF-8', '#v=1&probe=%ED%A0%80', /not valid UTF-8/],
    // The browser inflates a link's data: a small link that inflates to
    // 20 MiB is refused at the limit, and damaged data is said to be damaged.
    ['a deflate bomb as the training text', '#v=1&text=' + deflateRawSync(Buffer.alloc(20 << 20)).toString('base64url'), /Training text \(text=…\) cannot be used: it inflates to more than 4,000,000 bytes, the limit of a link/],
    ['a deflate bomb as the model', '#v=1&h=3&model=' + deflateRawSync(Buffer.alloc(20 << 20)).toString('base64url'), /Model \(model=…\) cannot be used: it inflates to more than 262,144 bytes/],
    ['a training text cut short', '#v=1&text=' + deflateRawSync(Buffer.from('twinkle twinkle little star '.repeat(9))).toString('base64url').slice(0, 12), /Training text \(text=…\) cannot be used: its compressed data is damaged/],
  ]) {
    await t.test(input, async () => {
      const { page } = await open(url + hash);
      const msg = await alert(page, want, 15000);
      assert.equal(await page.getByRole('spinbutton', { name: 'Hidden units', exact: true }).inputValue(), '32', 'the default hidden units');
      assert.equal(await page.getByRole('spinbutton', { name: 'Learning rate', exact: true }).inputValue(), '0.01', 'the default learning rate');
      assert.equal(await updates(page), 0, 'an untrained model');
      log('link', `${input} (${hash.length > 80 ? hash.slice(0, 60) + '…' : hash})`, msg, 'nothing taken from the link; the default setup');
      await page.close();
    });
  }
});
