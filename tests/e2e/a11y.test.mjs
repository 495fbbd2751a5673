// Accessibility (issue 4, "Reach every student"): axe-core (the pinned npm
// package) finds no serious or critical violation in the page's main states;
// every control is reached with Tab and works from the keyboard; the training
// state is announced in a polite live region, once per change; and with
// prefers-reduced-motion nothing moves by itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch } from './browser.mjs';
import { url, open, button, stat, statText, waitStat, pause, settled, divergingRun } from './classroom.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let context;
before(async () => { context = await launch(); });
after(async () => { await context?.close(); });

// axe runs axe-core on the page as it is and returns its violations. The
// page's Content-Security-Policy allows no inline script, so the source is
// evaluated through the test driver rather than added as a script tag.
async function axe(page) {
  if (!(await page.evaluate(() => typeof globalThis.axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

const found = [];
after(() => {
  for (const f of found) console.log(`# axe | ${f}`);
});

// scan runs axe in one state of the page and fails on a serious or critical
// violation; every violation is logged.
async function scan(t, page, state) {
  await t.test(state, async () => {
    const violations = await axe(page);
    for (const v of violations) found.push(`${state} | ${v.impact} | ${v.id}: ${v.help} | ${v.nodes.slice(0, 3).join(', ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3})` : ''}`);
    if (violations.length === 0) found.push(`${state} | no violations`);
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.join(', ')}`), [], `axe in ${state}`);
  });
}

test('axe-core: no serious or critical violations in the main states', async (t) => {
  const { page, problems } = await open(context, url);
  await page.getByText(/^Model after update 0,/).waitFor({ timeout: 15000 });
  await t.test('the scan itself finds a planted violation', async () => {
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'planted';
      document.getElementById('app').append(b); // a button with no name
    });
    const v = await axe(page);
    await page.evaluate(() => document.getElementById('planted').remove());
    assert.ok(v.some((x) => x.id === 'button-name' && x.impact === 'critical' && x.nodes.includes('#planted')), JSON.stringify(v));
  });
  await scan(t, page, 'the fresh page');

  await button(page, 'Train').click();
  await waitStat(page, 'Update', (n) => n >= 50);
  await scan(t, page, 'while training');
  await pause(page);

  // The step inspector and the unit view: cursor moved, a unit chosen, an
  // intervention made.
  const heatmaps = page.getByRole('group', { name: /^Heatmaps over the probe text/ });
  await heatmaps.focus();
  for (const k of ['ArrowRight', 'ArrowRight', 'ArrowDown']) await heatmaps.press(k);
  await page.getByRole('button', { name: /^Unit \d+ \(/ }).first().click();
  await page.getByRole('spinbutton', { name: 'Clamp unit', exact: true }).fill('2');
  await button(page, 'Clamp and compare').click();
  await button(page, 'Release the unit').waitFor({ timeout: 10000 });
  await scan(t, page, 'the unit view and step inspector in use');

  // Keep and share: the link options open and a link made; Generate.
  await page.getByText('Link options for teachers', { exact: true }).click();
  await button(page, 'Link to this setup').click();
  await page.getByRole('textbox', { name: 'Share link', exact: true }).waitFor({ timeout: 10000 });
  await button(page, 'Generate').click();
  await page.getByText(/characters after the prime/).first().waitFor({ timeout: 10000 });
  await scan(t, page, 'a share link and a generated text shown');

  // A refused input: the message at the field.
  const hidden = page.getByRole('spinbutton', { name: 'Hidden units', exact: true });
  await hidden.fill('0');
  await hidden.press('Tab');
  await page.getByRole('alert').filter({ hasText: /Hidden units 0 is out of range/ }).waitFor({ timeout: 5000 });
  await scan(t, page, 'an error shown at a field');
  await hidden.fill('32');
  await hidden.press('Tab');

  await button(page, 'Guided tour').click();
  await page.getByRole('region', { name: 'Predict before you press Train' }).waitFor({ timeout: 5000 });
  await scan(t, page, 'the tour open');

  await button(page, 'Large text').click();
  await page.waitForFunction(() => document.documentElement.classList.contains('large-text'));
  await page.waitForTimeout(300);
  await scan(t, page, 'large-text mode');
  assert.deepEqual(problems, []);
  await page.close();

  const cmp = await open(context, url + '#v=1&preset=counting&h=16');
  await button(cmp.page, 'Compare LSTM and RNN').click();
  await cmp.page.getByRole('img', { name: 'Loss race: LSTM and RNN' }).waitFor({ timeout: 10000 });
  await waitStat(cmp.page, 'Update', (n) => n >= 100);
  await cmp.page.getByRole('region', { name: /^The RNN on the same probe$/ }).getByRole('img').first().waitFor({ timeout: 15000 });
  await scan(t, cmp.page, 'the compare view, training');
  await pause(cmp.page);
  assert.deepEqual(cmp.problems, []);
  await cmp.page.close();

  const phone = await open(context, url, { viewport: { width: 390, height: 844 } });
  await phone.page.getByText(/^Model after update 0,/).waitFor({ timeout: 15000 });
  await scan(t, phone.page, 'phone width (390×844)');
  await button(phone.page, 'Train').click();
  await waitStat(phone.page, 'Update', (n) => n >= 30);
  await scan(t, phone.page, 'phone width, training');
  await pause(phone.page);
  assert.deepEqual(phone.problems, []);
  await phone.page.close();

  const embed = await open(context, url + '#v=1&preset=rhyme&hide=data,settings&only=c&embed=1');
  await scan(t, embed.page, 'a teacher link (hide, only, embed)');
  await embed.page.close();
});

// focusables lists the controls a person can use on the page now: visible,
// enabled, and not taken out of the tab order; radio buttons count once per
// group, as Tab visits one of them.
async function focusables(page) {
  return page.evaluate(() => {
    const sel = 'button, input, select, textarea, summary, a[href], [tabindex]';
    const seen = new Set();
    const out = [];
    for (const e of document.querySelectorAll(sel)) {
      if (e.disabled || e.tabIndex < 0 || e.closest('[hidden], [inert]')) continue;
      if (!e.checkVisibility({ visibilityProperty: true }) && !(e.type === 'file')) continue;
      if (e.type === 'radio') {
        if (seen.has('radio:' + e.name)) continue;
        seen.add('radio:' + e.name);
      }
      if (!e.dataset.a11yKey) e.dataset.a11yKey = String(Math.random()).slice(2);
      out.push(e.dataset.a11yKey);
    }
    return out;
  });
}

// describeFocus names the focused element (role-ish and name).
async function describeFocus(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return { key: null, text: 'body' };
    if (!e.dataset.a11yKey) e.dataset.a11yKey = String(Math.random()).slice(2);
    const label = e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) || e.textContent || '';
    return { key: e.type === 'radio' ? 'radio:' + e.name : e.dataset.a11yKey, radio: e.type === 'radio', text: `${e.tagName.toLowerCase()} ${label.trim().slice(0, 40)}` };
  });
}

test('the keyboard reaches every control; Enter and Space train and pause; arrow keys move the time cursor', async () => {
  const { page, problems } = await open(context, url);
  await page.getByText(/^Model after update 0,/).waitFor({ timeout: 15000 });
  const want = await focusables(page);
  const radioKey = await page.evaluate(() => document.querySelector('input[type=radio]').dataset.a11yKey);

  // Tab from the top of the page to its end.
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  const reached = new Set();
  const order = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const f = await describeFocus(page);
    if (f.key === null) break;
    if (reached.has(f.key) && order.length > 5 && f.key === order[0]) break; // wrapped around
    reached.add(f.radio ? radioKey : f.key);
    order.push(f.key);
  }
  const missed = await page.evaluate((keys) => keys.map((k) => document.querySelector(`[data-a11y-key="${k}"]`)).filter(Boolean)
    .map((e) => `${e.tagName.toLowerCase()} ${(e.getAttribute('aria-label') || e.textContent || e.id).trim().slice(0, 50)}`), want.filter((k) => !reached.has(k)));
  assert.deepEqual(missed, [], 'controls Tab never reaches');
  console.log(`# Tab reaches all ${want.length} controls of the page in ${order.length} presses`);

  // Train with the keyboard: Tab to Train, Enter starts, Space pauses.
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if ((await describeFocus(page)).text.startsWith('button') && await page.evaluate(() => document.activeElement.textContent.includes('Train'))) break;
  }
  assert.ok(await button(page, 'Train').evaluate((e) => e === document.activeElement), 'Train has the focus');
  await page.keyboard.press('Enter');
  await button(page, 'Pause').waitFor({ timeout: 5000 });
  await waitStat(page, 'Update', (n) => n >= 20);
  await page.keyboard.press('Space');
  await button(page, 'Train').waitFor({ timeout: 5000 });
  const n = await settled(page);
  assert.ok(n >= 20);

  // The arrow keys move the time cursor over the heatmaps; the step inspector
  // and a live region follow.
  const heatmaps = page.getByRole('group', { name: /^Heatmaps over the probe text/ });
  await heatmaps.focus();
  const inspector = page.getByRole('region', { name: 'Time-step inspector' });
  await heatmaps.press('Home');
  await inspector.getByText(/^Time step t = 1 of (\d+) · .* · unit 1 of 32$/).waitFor({ timeout: 5000 });
  await heatmaps.press('ArrowRight');
  await heatmaps.press('ArrowRight');
  await heatmaps.press('ArrowDown');
  await inspector.getByText(/^Time step t = 3 of \d+ · .* · unit 2 of 32$/).waitFor({ timeout: 5000 });
  assert.match(await page.getByText(/^Time step 3, character .*, unit 2: c [−0-9.]+, h [−0-9.]+$/).textContent(), /unit 2/, 'the cursor is said');
  await heatmaps.press('End');
  const T = Number((await inspector.getByText(/^Time step t = /).textContent()).match(/of (\d+)/)[1]);
  await inspector.getByText(new RegExp(`^Time step t = ${T} of ${T} `)).waitFor({ timeout: 5000 });

  // Space on the page itself (no control focused) trains and pauses too.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Space');
  await button(page, 'Pause').waitFor({ timeout: 5000 });
  await page.keyboard.press('Space');
  await button(page, 'Train').waitFor({ timeout: 5000 });

  // Large text and the tour, from the keyboard.
  await button(page, 'Large text').focus();
  await page.keyboard.press('Enter');
  assert.equal(await button(page, 'Large text').getAttribute('aria-pressed'), 'true');
  await button(page, 'Guided tour').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Predict before you press Train' }).waitFor({ timeout: 5000 });
  await page.keyboard.press('Tab'); // from the tip's text to its buttons
  assert.ok(await button(page, 'Next tip').evaluate((e) => e === document.activeElement), 'the tour\'s first tip has the focus, its Next tip button follows');
  await page.keyboard.press('Enter');
  await page.getByText(/^Tip 2 of \d+$/).waitFor({ timeout: 5000 });
  await button(page, 'Close tour').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Predict before you press Train' }).waitFor({ state: 'hidden', timeout: 5000 });
  assert.ok(await button(page, 'Guided tour').evaluate((e) => e === document.activeElement), 'closing the tour gives the focus back to its button');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the training state is announced politely, once per change: started, paused at an update with its loss, stopped and why', async () => {
  const { page, problems } = await open(context, url);
  const live = page.getByRole('status', { name: 'Training state', exact: true });
  assert.equal(await live.getAttribute('aria-live') ?? 'polite', 'polite', 'a polite live region (role status)');
  // Record every text the region gets.
  await live.evaluate((e) => {
    globalThis.__said = [];
    new MutationObserver(() => globalThis.__said.push(e.textContent)).observe(e, { childList: true, characterData: true, subtree: true });
  });
  const said = () => page.evaluate(() => globalThis.__said.filter((s) => s !== ''));

  await button(page, 'Train').click();
  await waitStat(page, 'Update', (n) => n >= 300, 60000);
  await page.waitForTimeout(1000);
  assert.deepEqual(await said(), ['Training started.'], 'said once while training, however many updates');
  const n = await pause(page);
  await page.waitForTimeout(300);
  assert.deepEqual((await said()).slice(1), [`Paused at update ${n.toLocaleString('en-US')}, loss ${await statText(page, 'Loss')}.`]);

  // A run that diverges stops by itself and says why.
  await divergingRun(page);
  await page.evaluate(() => { globalThis.__said.length = 0; });
  await button(page, 'Train').click();
  await page.getByRole('alert').filter({ hasText: /Training diverged at update/ }).first().waitFor({ timeout: 20000 });
  await button(page, 'Train').waitFor({ timeout: 5000 });
  await page.waitForTimeout(300);
  const last = (await said()).at(-1);
  assert.match(last, /^Training stopped: Training diverged at update \d+/, `said: ${JSON.stringify(await said())}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('prefers-reduced-motion: no CSS animation or transition, and nothing is redrawn while the page is idle', async () => {
  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 60000 });
  assert.ok(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches));
  const moving = () => page.evaluate(() => {
    const out = [];
    for (const e of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const s = getComputedStyle(e, pseudo);
        const long = (v) => v.split(',').some((x) => parseFloat(x) > 0);
        if ((s.animationName !== 'none' && long(s.animationDuration)) || long(s.transitionDuration)) out.push(`${e.tagName.toLowerCase()}.${e.className}${pseudo || ''}`);
      }
    }
    return { styled: out.slice(0, 10), animations: document.getAnimations().length };
  });
  await page.getByText(/^Model after update 0,/).waitFor({ timeout: 15000 });
  assert.deepEqual(await moving(), { styled: [], animations: 0 }, 'the fresh page');
  await button(page, 'Train').click();
  await waitStat(page, 'Update', (n) => n >= 30);
  await button(page, 'Guided tour').hover();
  assert.deepEqual(await moving(), { styled: [], animations: 0 }, 'while training');
  await pause(page);
  // Idle: once the last answers of the engine are drawn, the charts hold
  // still (the page draws only what changed; nothing is animated).
  const pixels = () => page.evaluate(() => Array.from(document.querySelectorAll('canvas'))
    .filter((c) => c.width > 0 && c.height > 0 && c.checkVisibility())
    .map((c) => c.toDataURL()).join('|'));
  let a = await pixels();
  for (let i = 0; ; i++) {
    await page.waitForTimeout(1000);
    const b = await pixels();
    if (b === a) break;
    assert.ok(i < 10, 'the charts settle once training is paused');
    a = b;
  }
  await page.waitForTimeout(2000);
  assert.ok(a === await pixels(), 'no chart changed while the page was idle');
  await page.close();
});

test('phone width: the compare view and large text fit the screen, and the charts\' titles and notes stay in view', async () => {
  const { page, problems } = await open(context, url + '#v=1&preset=counting&h=16', { viewport: { width: 390, height: 844 } });
  // outside lists what reaches past the screen's right edge: the page itself
  // (sideways scrolling) and any chart title or note (cut off in a chart's
  // own sideways scroll).
  const outside = () => page.evaluate(() => {
    const W = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > W) out.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    for (const e of document.querySelectorAll('h1, h2, h3, h4, p, label, .legend, .png-btn')) {
      if (!e.checkVisibility()) continue;
      const r = e.getBoundingClientRect();
      if (r.width > 0 && r.right > W + 0.5) out.push(`${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 40)}" ends at ${Math.round(r.right)} px`);
    }
    return out;
  });
  await page.getByText(/^Model after update 0,/).waitFor({ timeout: 15000 });
  assert.deepEqual(await outside(), [], 'the fresh page');
  await button(page, 'Compare LSTM and RNN').click();
  await page.getByRole('region', { name: /^The RNN on the same probe$/ }).getByRole('img').first().waitFor({ timeout: 20000 });
  await waitStat(page, 'Update', (n) => n >= 100);
  await pause(page);
  await page.waitForTimeout(500);
  assert.deepEqual(await outside(), [], 'the compare view');
  await button(page, 'Large text').click();
  await page.waitForTimeout(800);
  assert.deepEqual(await outside(), [], 'large text');
  assert.deepEqual(problems, []);
  await page.close();
});
