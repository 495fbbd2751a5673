// class.mjs — the class board's steps in the browser (README "Class board"),
// shared by tests/e2e/class.test.mjs (the native server) and
// tests/worker/class-page.test.mjs (the Worker in wrangler dev). The page
// itself is opened and trained with classroom.mjs's helpers.
import assert from 'node:assert/strict';

// classService returns GET api/'s "classes" of the site at base, or null
// when it has no class service.
export async function classService(base) {
  const info = await (await fetch(new URL('api/', base))).json().catch(() => null);
  return info?.classes || null;
}

// startClass starts a class titled title on page (Start a class in Keep and
// share) and returns its student link, board link and id.
export async function startClass(page, title) {
  await page.locator('.class-start summary').click();
  await page.getByLabel('Class title').fill(title);
  await page.getByRole('button', { name: 'Start the class' }).click();
  const studentField = page.getByLabel('Student link');
  await studentField.waitFor({ state: 'visible', timeout: 15000 });
  const studentLink = await studentField.inputValue();
  const boardLink = await page.getByLabel('Board link (keep it to yourself)').inputValue();
  // Both links open in the teacher's language.
  const lang = await page.evaluate(() => document.documentElement.lang);
  assert.match(studentLink, new RegExp(`#v=1&lang=${lang}&.*class=[a-z2-7]{26}`), 'the student link carries the language');
  const board = boardLink.match(/#board=([a-z2-7]{26})\.([a-z2-7]{26})&lang=([A-Za-z-]+)$/);
  assert.ok(board, `the board link: ${boardLink}`);
  assert.equal(board[3], lang, 'the board link carries the language');
  const classId = studentLink.match(/class=([a-z2-7]{26})/)[1];
  assert.equal(board[1], classId);
  return { studentLink, boardLink, classId, key: board[2] };
}

// isEntriesPost tells a student's send among a page's requests.
export const isEntriesPost = (r) => r.method() === 'POST' && /\/api\/classes\/[a-z2-7]+\/entries$/.test(new URL(r.url()).pathname);

// sendRun sends the run with the nickname nick and returns the service's
// answer status (after the page's own retries, if any).
export async function sendRun(page, nick) {
  await page.getByLabel('Your nickname').fill(nick);
  const answer = page.waitForResponse((r) => isEntriesPost(r.request()) && r.status() !== 429 && r.status() !== 503, { timeout: 60000 });
  await page.locator('#class-send').click();
  return (await answer).status();
}

// cards counts the board's cards.
export async function cards(board) { return board.locator('.board-card').count(); }

// waitCards waits until the board shows n cards and returns how long that took.
export async function waitCards(board, n, timeout = 30000) {
  const t0 = Date.now();
  while (await cards(board) !== n) {
    assert.ok(Date.now() - t0 < timeout, `the board does not show ${n} cards within ${timeout} ms`);
    await board.waitForTimeout(100);
  }
  return Date.now() - t0;
}

// clockOf reads the time of day from a date and time as the page writes it
// ("Dec 5, 2026, 2:05 PM", "2026年12月5日 14:05"): minutes since midnight.
export function clockOf(text) {
  const m = text.match(/(\d{1,2}):(\d{2})(?::\d{2})?\s*([AP]M)?/i);
  assert.ok(m, `no time of day in ${JSON.stringify(text)}`);
  let h = Number(m[1]);
  if (m[3]) h = h % 12 + (m[3].toUpperCase() === 'PM' ? 12 : 0);
  return h * 60 + Number(m[2]);
}

// apiClass starts a class through the service at base with setup, and
// returns its id and teacher key.
export async function apiClass(base, title, setup) {
  const res = await fetch(new URL('api/classes', base), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title, setup }) });
  assert.equal(res.status, 201, await res.clone().text());
  const c = await res.json();
  return { classId: c.id, key: c.teacherKey, boardLink: new URL('#board=' + c.id + '.' + c.teacherKey, base).href };
}

// apiSend sends a run without a model to the class id at base as the
// student nick, and returns the answer's status.
export async function apiSend(base, id, nick, setup, updates = 10) {
  const res = await fetch(new URL(`api/classes/${id}/entries`, base), {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ nickname: nick, setup, loss: [3, 2.5, 2.2], updates, sample: 'abc' }),
  });
  await res.arrayBuffer();
  return res.status;
}

// boardReads records when page asks the service for the board (ms since the
// call), in the array it returns.
export function boardReads(page) {
  const t0 = Date.now();
  const at = [];
  page.on('request', (r) => { if (r.method() === 'GET' && /\/api\/classes\/[a-z2-7]+\/board$/.test(new URL(r.url()).pathname)) at.push(Date.now() - t0); });
  return at;
}

// hideable makes document.visibilityState of the pages of context follow
// window.__hidden (set it with setHidden), as a tab in the background.
export async function hideable(context) {
  await context.addInitScript(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (window.__hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => !!window.__hidden });
  });
}

// setHidden hides or shows page as hideable lets it.
export async function setHidden(page, hidden) {
  await page.evaluate((h) => { window.__hidden = h; document.dispatchEvent(new Event('visibilitychange')); }, hidden);
}
