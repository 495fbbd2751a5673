// board-cost.mjs — measures what an open class board costs the service
// (README "Class board", polling): two boards open side by side for
// `minutes` minutes, one of a quiet class, one of a class of 30 whose
// students each send a run every two minutes or so (from here, at random
// moments); it prints the board's reads per minute, minute by minute, and
// the class's sends. Not a test: run it by hand against a server with the
// class service:
//   E2E_URL=http://127.0.0.1:PORT/ node tests/e2e/board-cost.mjs [minutes]
import { readFileSync } from 'node:fs';
import { launch } from './browser.mjs';
import { url, started } from './classroom.mjs';
import { apiClass, apiSend, boardReads, waitCards } from './class.mjs';

const minutes = Number(process.argv[2] || 5);
const setup = readFileSync(new URL('../worker/testdata/class.setup', import.meta.url), 'utf8').trim();
const students = 30;

async function openBoard(context, link) {
  const page = await context.newPage();
  const reads = boardReads(page);
  await page.goto(link);
  await started(page);
  return { page, reads };
}

const quiet = await apiClass(url, 'Quiet class', setup);
const busy = await apiClass(url, 'Busy class', setup);
const context = await launch();
let sends = 0;
let refused = 0;
try {
  const q = await openBoard(context, quiet.boardLink);
  const b = await openBoard(context, busy.boardLink);
  const end = Date.now() + minutes * 60000;
  // Each student sends first within the first minute, then every 90–150 s.
  const timers = [];
  for (let i = 0; i < students; i++) {
    const next = (ms) => timers.push(setTimeout(async () => {
      if (Date.now() > end) return;
      const st = await apiSend(url, busy.classId, `Student ${i + 1}`, setup, 10 + sends);
      if (st === 200 || st === 201) sends++; else refused++;
      next(90000 + Math.random() * 60000);
    }, ms));
    next(Math.random() * 60000);
  }
  await new Promise((r) => setTimeout(r, minutes * 60000));
  timers.forEach(clearTimeout);
  await waitCards(b.page, students, 10000).catch(() => {});
  const perMinute = (reads) => Array.from({ length: minutes }, (_, m) => reads.filter((x) => x >= m * 60000 && x < (m + 1) * 60000).length);
  console.log(`quiet class board: reads per minute ${perMinute(q.reads).join(', ')} (${q.reads.length} in ${minutes} min)`);
  console.log(`class of ${students}, each sending every ~2 min: board reads per minute ${perMinute(b.reads).join(', ')} (${b.reads.length} in ${minutes} min); ${sends} sends answered, ${refused} refused (rate limit)`);
} finally {
  await context.close();
}
