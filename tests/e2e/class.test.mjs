// Browser test of the class board (README "Class board"), against the server
// of E2E_URL (the native server, which has the class service): a teacher
// starts a class, three students send their runs (the service refuses '<'
// and '>' in a nickname, and the page says so before sending; a nickname
// with HTML entities is shown as typed, never as markup; one student sends again, which replaces the entry), the
// board shows three cards and three curves, sorts them, opens a run (the
// model loads with its update count), removes one, closes the class, and a
// fourth send is refused with a clear message. It also takes screenshots of
// the board (1366 px, 390 px, large text) into $CLASS_SHOTS (default /tmp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// seriousAxe returns axe-core's serious and critical violations on the page
// as it is (evaluated through the driver: the page's CSP allows no inline script).
async function seriousAxe(page) {
  if (!(await page.evaluate(() => typeof globalThis.axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const url = process.env.E2E_URL || 'http://127.0.0.1:9900/';
const shots = process.env.CLASS_SHOTS || '/tmp';

async function open(context, target) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  await page.goto(target);
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ state: 'visible', timeout: 60000 });
  return { page, problems };
}

async function updates(page) {
  const text = (await page.getByRole('status', { name: 'Update', exact: true }).textContent()).trim();
  const m = text.replace(/,/g, '').match(/^([0-9.]+)\s*([kM]?)/);
  return m ? Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'M' ? 1e6 : 1) : NaN;
}

// train trains until at least n updates, pauses, and returns the count once it holds still.
async function train(page, n) {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const end = Date.now() + 60000;
  while (await updates(page) < n) {
    assert.ok(Date.now() < end, `fewer than ${n} updates after 60 s`);
    await page.waitForTimeout(100);
  }
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 5000 });
  let last = await updates(page);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(250);
    const u = await updates(page);
    if (u === last) break;
    last = u;
  }
  return last;
}

// send sends the run with a nickname and returns the service's answer status.
async function send(page, nick) {
  await page.getByLabel('Your nickname').fill(nick);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/classes\/[a-z2-7]+\/entries$/.test(new URL(r.url()).pathname));
  await page.locator('#class-send').click();
  return (await answer).status();
}

async function cards(board) { return board.locator('.board-card').count(); }

async function waitCards(board, n) {
  const end = Date.now() + 30000;
  while (await cards(board) !== n) {
    assert.ok(Date.now() < end, `the board does not show ${n} cards`);
    await board.waitForTimeout(200);
  }
}

test('a class: three students send, the teacher sorts, opens, removes and closes', async (t) => {
  const info = await (await fetch(new URL('api/', url))).json().catch(() => null);
  if (!info?.classes) {
    t.skip('this server has no class service');
    return;
  }
  const contexts = [];
  const ctx = async (opts) => { const c = await launch(opts); contexts.push(c); return c; };
  try {
    // The teacher starts a class.
    const teacher = await ctx();
    const { page: tp } = await open(teacher, url);
    await tp.locator('.class-start summary').click();
    await tp.getByLabel('Class title').fill('Year 11 &lt;i&gt;LSTM');
    await tp.getByRole('button', { name: 'Start the class' }).click();
    const studentField = tp.getByLabel('Student link');
    await studentField.waitFor({ state: 'visible', timeout: 10000 });
    const studentLink = await studentField.inputValue();
    const boardLink = await tp.getByLabel('Board link (keep it to yourself)').inputValue();
    assert.match(studentLink, /#v=1&lang=en&.*class=[a-z2-7]{26}/, 'the student link carries the language');
    assert.match(boardLink, /#board=[a-z2-7]{26}\.[a-z2-7]{26}&lang=en$/, 'the board link carries the language');
    assert.ok(!boardLink.includes('?'), 'the key is in the fragment, never in a query string');
    const classId = studentLink.match(/class=([a-z2-7]{26})/)[1];
    assert.ok(boardLink.includes(classId));
    assert.equal(await tp.evaluate((id) => localStorage.getItem('lstm-playground-class-key:' + id), classId), boardLink.match(/\.([a-z2-7]{26})&/)[1]);

    // Three students send; the first sends again (it replaces its entry).
    const nicks = ['Ana', '&lt;b&gt;x', 'Zoe'];
    const sent = {};
    for (const [i, nick] of nicks.entries()) {
      const { page, problems } = await open(await ctx(), studentLink);
      await page.getByText('Send to the class “Year 11 &lt;i&gt;LSTM”').waitFor({ timeout: 10000 });
      sent[nick] = await train(page, 20 + 15 * i);
      if (i === 1) {
        // Markup is refused on the page, with the rule, before anything is sent.
        let posted = 0;
        page.on('request', (r) => { if (r.method() === 'POST') posted++; });
        await page.getByLabel('Your nickname').fill('<b>x</b>');
        await page.locator('#class-send').click();
        await page.locator('#class-send-status').filter({ hasText: '“<” or “>”' }).waitFor({ timeout: 5000 });
        assert.equal(posted, 0);
      }
      assert.equal(await send(page, nick), 201);
      await page.locator('#class-send-status').filter({ hasText: /^Sent:/ }).waitFor({ timeout: 10000 });
      if (i === 0) {
        sent[nick] = await train(page, sent[nick] + 20);
        assert.equal(await send(page, nick), 200, 'a resend replaces');
        await page.locator('#class-send-status').filter({ hasText: /^Sent:/ }).waitFor({ timeout: 10000 });
        assert.equal(await page.locator('#class-send').textContent(), 'Send again (replaces my entry)');
      }
      assert.deepEqual(problems, []);
      if (i === 2) assert.deepEqual(await seriousAxe(page), [], 'axe on a student page with Send to the class');
      await page.context().close();
      contexts.splice(contexts.indexOf(page.context()), 1);
    }
    // A fourth student opens the link now and sends after the class is closed.
    const { page: late } = await open(await ctx(), studentLink);
    await train(late, 10);

    // The board.
    const { page: board, problems: boardProblems } = await open(teacher, boardLink);
    await waitCards(board, 3);
    assert.equal(await board.locator('.columns').isVisible(), false, 'board mode hides the playground');
    // The curves are drawn at the first frame after the cards are laid out.
    await board.waitForFunction(() => document.querySelector('#board-curves')?.getAttribute('data-curves') === '3', null, { timeout: 10000 })
      .catch(() => {});
    assert.equal(await board.locator('#board-curves').getAttribute('data-curves'), '3');
    const nickTexts = await board.locator('.board-nick').allTextContents();
    assert.deepEqual([...nickTexts].sort(), [...nicks].sort());
    assert.equal(await board.locator('.board-card b, .board-title i').count(), 0, 'a nickname is text, never markup');
    assert.equal(await board.locator('.board-title').textContent(), 'Class board: Year 11 &lt;i&gt;LSTM');

    assert.deepEqual(await seriousAxe(board), [], 'axe on the board');

    // Sorting.
    const order = async () => board.locator('.board-nick').allTextContents();
    await board.selectOption('#board-sort', 'updates');
    const byUpdates = [...nicks].sort((a, b) => sent[b] - sent[a]);
    assert.deepEqual(await order(), byUpdates);
    await board.selectOption('#board-sort', 'name');
    assert.deepEqual(await order(), ['&lt;b&gt;x', 'Ana', 'Zoe']);

    // Screenshots: 1366 px, 390 px, large text.
    await board.setViewportSize({ width: 1366, height: 900 });
    await board.waitForTimeout(300);
    await board.screenshot({ path: `${shots}/class-board-1366.png`, fullPage: true });
    await board.setViewportSize({ width: 390, height: 844 });
    await board.waitForTimeout(300);
    await board.screenshot({ path: `${shots}/class-board-390.png`, fullPage: true });
    const overflow = await board.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the board is ${overflow} px wider than a phone`);
    await board.setViewportSize({ width: 1366, height: 900 });
    await board.getByRole('button', { name: 'Large text' }).click();
    await board.waitForTimeout(300);
    await board.screenshot({ path: `${shots}/class-board-large.png`, fullPage: true });
    await board.getByRole('button', { name: 'Large text' }).click();

    // Open Zoe's run: the model loads, with Zoe's update count.
    const zoe = board.locator('.board-card', { has: board.locator('.board-nick', { hasText: /^Zoe$/ }) });
    await zoe.getByRole('button', { name: 'Open in the playground' }).click();
    await board.getByRole('button', { name: 'Back to the board' }).waitFor({ state: 'visible', timeout: 10000 });
    const end = Date.now() + 20000;
    while (await updates(board) !== sent.Zoe) {
      assert.ok(Date.now() < end, `the opened run shows ${await updates(board)} updates, not ${sent.Zoe}`);
      await board.waitForTimeout(200);
    }
    await board.getByRole('button', { name: 'Back to the board' }).click();

    // Remove one entry, then close the class.
    const ana = board.locator('.board-card', { has: board.locator('.board-nick', { hasText: /^Ana$/ }) });
    await ana.getByRole('button', { name: 'Remove' }).click();
    await waitCards(board, 2);
    await board.getByRole('button', { name: 'Close the class' }).click();
    await board.getByText('This class is closed: it takes no more runs.').waitFor({ state: 'visible', timeout: 10000 });
    assert.deepEqual(boardProblems, []);

    // The fourth send is refused, and says why.
    assert.equal(await send(late, 'Late'), 409);
    await late.locator('#class-send-status').filter({ hasText: 'This class is closed: the teacher takes no more runs.' }).waitFor({ timeout: 10000 });
    assert.ok(await late.locator('#class-send').isDisabled(), 'a closed class takes no more sends');
  } finally {
    for (const c of contexts) await c.close();
  }
});

test('on a site without the class service, Start a class says it needs the hosted version', async () => {
  const context = await launch();
  try {
    const page = await context.newPage();
    // A static host: GET api/ is the host's 404 page, not JSON.
    await page.route(/\/api\/$/, (r) => r.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }));
    await page.goto(url);
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ state: 'visible', timeout: 60000 });
    let posted = 0;
    page.on('request', (r) => { if (r.method() === 'POST') posted++; });
    await page.locator('.class-start summary').click();
    await page.getByLabel('Class title').fill('Static');
    await page.getByRole('button', { name: 'Start the class' }).click();
    await page.locator('#class-status').filter({ hasText: 'Classes need the hosted version of LSTM Playground' }).waitFor({ timeout: 10000 });
    assert.equal(posted, 0, 'nothing was sent');
    assert.equal(await page.getByLabel('Student link').isVisible(), false);
  } finally {
    await context.close();
  }
});
