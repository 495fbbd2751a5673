// Browser test of the class board (README "Class board"), against the server
// of E2E_URL (the native server, which has the class service): a teacher
// starts a class, three students send their runs (a nickname is any
// printable text: "<b>x</b>" and "Zoe'; DROP 🦊" are sent and shown as typed,
// as text, never markup, while an all-spaces one is refused on the page
// before sending; one student sends again, which replaces the entry), the
// board shows three cards and three curves, each with its send time in the
// teacher's own time zone, sorts them, opens a run (the model loads with its
// update count), removes one, closes the class, and a fourth send is refused
// with a clear message. A teacher in a lesson chapter, on a teacher link that
// hides controls, starts a class whose student link opens that chapter with
// those controls hidden. It also takes screenshots of the board (1366 px,
// 390 px, and a projector: 1920×1080 with Large text) into $CLASS_SHOTS
// (default /tmp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { launch } from './browser.mjs';
import { url, open, started, stat, trainTo, pollUntil } from './classroom.mjs';
import { classService, startClass, sendRun as send, isEntriesPost, waitCards, clockOf, apiClass, apiSend, boardReads, hideable, setHidden } from './class.mjs';

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

const shots = process.env.CLASS_SHOTS || '/tmp';
// The teacher's time zone: half an hour off UTC, so that a time shown in
// UTC differs from the local one in its minutes too.
const teacherZone = 'Asia/Kolkata';
const zoneMinutes = 330;

test('a class: three students send, the teacher sorts, opens, removes and closes', async (t) => {
  if (!(await classService(url))) {
    t.skip('this server has no class service');
    return;
  }
  const contexts = [];
  const ctx = async (opts) => { const c = await launch(opts); contexts.push(c); return c; };
  try {
    // The teacher, in India, starts a class.
    const teacher = await ctx({ context: { timezoneId: teacherZone } });
    const { page: tp } = await open(teacher, url);
    const { studentLink, boardLink, classId, key } = await startClass(tp, 'Year 11 &lt;i&gt;LSTM');
    assert.ok(!boardLink.includes('?'), 'the key is in the fragment, never in a query string');
    assert.ok(!/lesson=/.test(studentLink), 'no lesson chapter was open');
    assert.equal(await tp.evaluate((id) => localStorage.getItem('lstm-playground-class-key:' + id), classId), key);

    // Three students send; the first sends again (it replaces its entry).
    const nicks = ['Ana', '<b>x</b>', "Zoe'; DROP 🦊"];
    const sent = {};
    for (const [i, nick] of nicks.entries()) {
      const { page, problems } = await open(await ctx(), studentLink);
      await page.getByText('Send to the class “Year 11 &lt;i&gt;LSTM”').waitFor({ timeout: 10000 });
      sent[nick] = await trainTo(page, 20 + 15 * i);
      if (i === 1) {
        // A nickname of spaces only is refused on the page, before anything is sent.
        let posted = 0;
        page.on('request', (r) => { if (isEntriesPost(r)) posted++; });
        await page.getByLabel('Your nickname').fill('   ');
        await page.locator('#class-send').click();
        await page.locator('#class-send-status').filter({ hasText: 'Type a nickname first.' }).waitFor({ timeout: 5000 });
        assert.equal(posted, 0);
      }
      assert.equal(await send(page, nick), 201);
      await page.locator('#class-send-status').filter({ hasText: /^Sent:/ }).waitFor({ timeout: 10000 });
      if (i === 0) {
        sent[nick] = await trainTo(page, sent[nick] + 20);
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
    await trainTo(late, 10);

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
    // Send times are in the teacher's time zone, not UTC.
    for (const el of await board.locator('.board-sent').all()) {
      const iso = await el.getAttribute('data-sent');
      const d = new Date(iso);
      const local = (d.getUTCHours() * 60 + d.getUTCMinutes() + zoneMinutes) % 1440;
      const text = await el.textContent();
      assert.equal(clockOf(text), local, `${text} is not ${iso} in ${teacherZone}`);
    }
    assert.equal(await board.locator('.board-title').textContent(), 'Class board: Year 11 &lt;i&gt;LSTM');

    assert.deepEqual(await seriousAxe(board), [], 'axe on the board');

    // Sorting.
    const order = async () => board.locator('.board-nick').allTextContents();
    await board.selectOption('#board-sort', 'updates');
    const byUpdates = [...nicks].sort((a, b) => sent[b] - sent[a]);
    assert.deepEqual(await order(), byUpdates);
    await board.selectOption('#board-sort', 'name');
    assert.deepEqual(await order(), ['<b>x</b>', 'Ana', "Zoe'; DROP 🦊"]);

    // Screenshots: 1366 px, 390 px, large text.
    await board.setViewportSize({ width: 1366, height: 900 });
    await board.waitForTimeout(300);
    await board.screenshot({ path: `${shots}/class-board-1366.png`, fullPage: true });
    await board.setViewportSize({ width: 390, height: 844 });
    await board.waitForTimeout(300);
    await board.screenshot({ path: `${shots}/class-board-390.png`, fullPage: true });
    const overflow = await board.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the board is ${overflow} px wider than a phone`);
    // A projector: 1920×1080 with Large text, which widens the board; the
    // curves fill their box, and the top bar has nothing to train with.
    await board.setViewportSize({ width: 1920, height: 1080 });
    await board.waitForTimeout(300);
    await board.getByRole('button', { name: 'Large text' }).click();
    await board.waitForTimeout(300);
    await board.screenshot({ path: `${shots}/class-board-large.png`, fullPage: true });
    const fill = await board.evaluate(() => {
      const fig = document.querySelector('.board-fig');
      const canvas = fig.querySelector('canvas');
      return canvas.getBoundingClientRect().width / fig.clientWidth;
    });
    assert.ok(fill > 0.95, `the curves fill ${(100 * fill).toFixed(0)}% of their box`);
    assert.equal(await board.getByRole('button', { name: 'Train', exact: true }).isVisible(), false, 'the board has no Train');
    await board.getByRole('button', { name: 'Large text' }).click();
    await board.setViewportSize({ width: 1366, height: 900 });

    // Open Zoe's run: the model loads, with Zoe's update count.
    const zoe = board.locator('.board-card', { has: board.locator('.board-nick', { hasText: /^Zoe'/ }) });
    await zoe.getByRole('button', { name: 'Open in the playground' }).click();
    await board.getByRole('button', { name: 'Back to the board' }).waitFor({ state: 'visible', timeout: 10000 });
    const end = Date.now() + 20000;
    const zoeSent = sent[nicks[2]];
    while (await stat(board, 'Update') !== zoeSent) {
      assert.ok(Date.now() < end, `the opened run shows ${await stat(board, 'Update')} updates, not ${zoeSent}`);
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

test('a student link made in a lesson chapter opens that chapter, with the teacher link\'s hidden controls', async (t) => {
  if (!(await classService(url))) {
    t.skip('this server has no class service');
    return;
  }
  const teacher = await launch();
  let student;
  try {
    // The teacher opens a teacher link that hides the settings, in chapter 2.
    const { page: tp } = await open(teacher, url + '#v=1&preset=rhyme&h=8&hide=settings&lesson=2');
    await tp.getByRole('region', { name: /^Two states/ }).waitFor({ state: 'visible', timeout: 20000 });
    const { studentLink } = await startClass(tp, 'Lesson class');
    assert.match(studentLink, /[#&]lesson=states(&|$)/, 'the student link names the chapter');
    assert.match(studentLink, /[#&]hide=settings(&|$)/, 'the student link hides what the teacher link hides');

    student = await launch();
    const { page, problems } = await open(student, studentLink);
    await page.getByRole('region', { name: /^Two states/ }).waitFor({ state: 'visible', timeout: 20000 });
    await page.getByText('Send to the class “Lesson class”').waitFor({ state: 'visible', timeout: 10000 });
    await trainTo(page, 10);
    assert.equal(await send(page, 'Ana'), 201);
    await page.getByRole('button', { name: 'Leave the lesson' }).click();
    await pollUntil(page, () => page.getByRole('region', { name: /^Two states/ }).isVisible(), (v) => v === false, 5000);
    assert.equal(await page.getByRole('spinbutton', { name: 'Hidden units', exact: true }).isVisible(), false, 'the settings stay hidden');
    assert.deepEqual(problems, []);
  } finally {
    await teacher.close();
    await student?.close();
  }
});

test('the board polls with back-off, and not while its tab is hidden or a run is open', async (t) => {
  if (!(await classService(url))) {
    t.skip('this server has no class service');
    return;
  }
  const setup = readFileSync(new URL('../worker/testdata/class.setup', import.meta.url), 'utf8').trim();
  const { classId, boardLink } = await apiClass(url, 'Polling', setup);
  assert.equal(await apiSend(url, classId, 'Ana', setup), 201);
  const context = await launch();
  await hideable(context);
  try {
    const page = await context.newPage();
    const reads = boardReads(page);
    await page.goto(boardLink);
    await started(page);
    await waitCards(page, 1);
    // Nothing changes: each wait is longer than the last (5 s, 7.5 s, 11.25 s …).
    await pollUntil(page, () => reads.length, (n) => n >= 4, 45000, 250);
    const gaps = reads.slice(1, 4).map((x, i) => x - reads[i]);
    assert.ok(gaps[0] >= 4500, `the board read again after ${gaps[0]} ms, not 5 s`);
    for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i] > 1.2 * gaps[i - 1], `waits ${gaps} do not grow`);
    // Hidden, it reads nothing, even when a student sends meanwhile.
    await setHidden(page, true);
    const hiddenAt = reads.length;
    assert.equal(await apiSend(url, classId, 'Bea', setup), 201);
    await page.waitForTimeout(20000);
    assert.equal(reads.length, hiddenAt, 'the board read while its tab was hidden');
    // Shown again, it reads within its 5 s check and finds the new entry.
    await setHidden(page, false);
    await pollUntil(page, () => reads.length, (n) => n > hiddenAt, 8000);
    await waitCards(page, 2, 5000);
    // After that change it would read again in 5 s; with a run open it does not.
    await page.locator('.board-card', { has: page.locator('.board-nick', { hasText: /^Ana$/ }) })
      .getByRole('button', { name: 'Open in the playground' }).click();
    await page.getByRole('button', { name: 'Back to the board' }).waitFor({ state: 'visible', timeout: 10000 });
    const openAt = reads.length;
    await page.waitForTimeout(12000);
    assert.equal(reads.length, openAt, 'the board read while a run was open over it');
    await page.getByRole('button', { name: 'Back to the board' }).click();
    await pollUntil(page, () => reads.length, (n) => n > openAt, 3000);
    console.log(`# board reads at ${reads.map((x) => (x / 1000).toFixed(1)).join(', ')} s`);
  } finally {
    await context.close();
  }
});

// The board reads each setup's training text as the browser inflates it: a
// student's text that is the class's, compressed differently (another
// compressor, another level), is the same setup; another text differs; and
// Open in the playground opens the student's text.
test('the board compares training texts by what they inflate to', async (t) => {
  if (!(await classService(url))) {
    t.skip('this server has no class service');
    return;
  }
  const text = 'twinkle twinkle little star, how I wonder what you are. '.repeat(6);
  const other = 'row row row your boat gently down the stream. '.repeat(6);
  const setup = (s, level) => 'v=1&mode=text&cell=lstm&h=16&text=' + deflateRawSync(Buffer.from(s), { level }).toString('base64url');
  assert.notEqual(setup(text, 9), setup(text, 1), 'the two levels compress the text differently');
  const { classId, boardLink } = await apiClass(url, 'Texts', setup(text, 9));
  assert.equal(await apiSend(url, classId, 'Same', setup(text, 1)), 201);
  assert.equal(await apiSend(url, classId, 'Other', setup(other, 9)), 201);
  const context = await launch();
  try {
    const { page, problems } = await open(context, boardLink);
    await waitCards(page, 2);
    const card = (nick) => page.locator('.board-card', { has: page.locator('.board-nick', { hasText: new RegExp(`^${nick}$`) }) });
    assert.equal((await card('Same').locator('.board-same, .board-diff').textContent()).trim(), 'Same setup as the class');
    assert.deepEqual(await card('Other').locator('.board-diff mark').allTextContents(), ['Training text own text']);
    await card('Other').getByRole('button', { name: 'Open in the playground' }).click();
    await page.getByRole('button', { name: 'Back to the board' }).waitFor({ state: 'visible', timeout: 10000 });
    const box = page.getByRole('textbox', { name: 'Training text', exact: true });
    await pollUntil(page, () => box.inputValue(), (v) => v === other, 10000);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
