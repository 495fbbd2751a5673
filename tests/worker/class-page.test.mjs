// The class board's page (issue 14) against the Worker build run locally in
// the real Workers runtime (wrangler dev, local KV in a temporary folder): a
// teacher starts a class on the page, a student opens the student link,
// trains and sends, and the teacher's board shows the entry. It prints how
// long the local KV took to list the new entry (the board's GET, polled from
// here the moment the send was answered) and how long the board page took to
// show it (its own polling with back-off). Run by ./build.sh test; alone:
// ./build.sh worker && node --test tests/worker/class-page.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../e2e/browser.mjs';
import { open, trainTo } from '../e2e/classroom.mjs';
import { classService, startClass, sendRun, waitCards } from '../e2e/class.mjs';
import { root, startDev, stopDev } from './dev.mjs';

const persist = mkdtempSync(join(tmpdir(), 'lstm-pg-class-page-kv-'));
let dev;
process.on('exit', () => { if (dev && dev.child.exitCode === null) dev.child.kill('SIGTERM'); });

before(async () => {
  for (const f of ['build/worker/worker.mjs', 'build/worker/app.wasm', 'build/worker/assets/index.html']) {
    assert.ok(existsSync(join(root, f)), `${f} is missing: run ./build.sh worker first`);
  }
  dev = await startDev(persist);
});

after(async () => {
  await stopDev(dev);
  rmSync(persist, { recursive: true, force: true });
});

// listedAfter polls the board from here until it lists n entries, and
// returns how long that took in ms.
async function listedAfter(id, key, n) {
  const t0 = performance.now();
  for (;;) {
    const res = await fetch(`${dev.base}api/classes/${id}/board`, { headers: { Authorization: 'Bearer ' + key } });
    const b = await res.json();
    if (res.status === 200 && b.count >= n) return performance.now() - t0;
    assert.ok(performance.now() - t0 < 120000, `the board lists ${b.count} entries, not ${n}, 2 minutes after the send`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('on Workers, a class started on the page gets a student\'s run, and the board shows it', async () => {
  const classes = await classService(dev.base);
  assert.ok(classes, 'the Worker offers the class service');
  assert.ok(classes.boardDelaySeconds > 0, 'on Workers GET api/ states how long a new entry may take');
  const teacher = await launch();
  const student = await launch();
  try {
    const { page: tp, problems: teacherProblems } = await open(teacher, dev.base);
    const { studentLink, boardLink, classId, key } = await startClass(tp, 'Workers class');
    const { page: board, problems: boardProblems } = await open(teacher, boardLink);
    await board.locator('.board-title').filter({ hasText: 'Workers class' }).waitFor({ state: 'visible', timeout: 20000 });
    assert.equal(await board.locator('.board-card').count(), 0);
    await board.getByText(`A new entry may take up to ${classes.boardDelaySeconds} s to appear`).waitFor({ timeout: 5000 });

    const { page, problems } = await open(student, studentLink);
    await page.getByText('Send to the class “Workers class”').waitFor({ state: 'visible', timeout: 20000 });
    await trainTo(page, 15);
    assert.equal(await sendRun(page, 'Ana 🦊'), 201);
    const listed = await listedAfter(classId, key, 1);
    const shown = await waitCards(board, 1, 120000);
    console.log(`# local KV listed the new entry ${listed.toFixed(0)} ms after the send was answered; the board page showed it ${(shown / 1000).toFixed(1)} s after (its polling)`);
    assert.equal(await board.locator('.board-nick').textContent(), 'Ana 🦊');
    await page.locator('#class-send-status').filter({ hasText: /^Sent:/ }).waitFor({ timeout: 10000 });
    assert.deepEqual(problems, []);
    assert.deepEqual(boardProblems, []);
    assert.deepEqual(teacherProblems, []);
  } finally {
    await teacher.close();
    await student.close();
  }
});
