// class-shots.mjs — screenshots of the class board as a teacher and students
// see it, to look at: for English and zh-CN, at 1366 px, 390 px and a
// projector (1920×1080 with Large text), the board of a class of three, a
// student's page with Send to the class, and Start a class with its links.
// Not a test: run it by hand against a server with the class service:
//   E2E_URL=http://127.0.0.1:PORT/ node tests/e2e/class-shots.mjs [out-dir]
import { readFileSync, mkdirSync } from 'node:fs';
import { launch } from './browser.mjs';
import { url, open, started } from './classroom.mjs';
import { apiClass, apiSend, waitCards } from './class.mjs';

const out = process.argv[2] || '/tmp/class-shots';
mkdirSync(out, { recursive: true });
const setup = readFileSync(new URL('../worker/testdata/class.setup', import.meta.url), 'utf8').trim();
const sizes = [
  { name: '1366', viewport: { width: 1366, height: 900 } },
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: 'projector', viewport: { width: 1920, height: 1080 }, large: true },
];

for (const lang of ['en', 'zh-CN']) {
  const title = lang === 'en' ? 'Year 11 · Sequences' : '高一 · 序列';
  const { classId, boardLink } = await apiClass(url, title, setup);
  let n = 10;
  for (const nick of ['Ana', '<b>x</b>', '小明 🦊', 'A very long nickname of 32 chars']) await apiSend(url, classId, nick, setup, n += 40);
  for (const size of sizes) {
    const context = await launch({ viewport: size.viewport, context: { locale: lang, timezoneId: 'Europe/London' } });
    try {
      const board = await context.newPage();
      await board.goto(boardLink + '&lang=' + lang);
      await started(board);
      await waitCards(board, 4);
      if (size.large) await board.locator('.view-opts button[aria-pressed]').click();
      await board.waitForTimeout(600);
      await board.screenshot({ path: `${out}/board-${lang}-${size.name}.png`, fullPage: !size.large });
      const overflow = await board.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) console.log(`board ${lang} ${size.name}: ${overflow} px wider than the window`);

      const { page: student } = await open(context, `${url}#${setup}&class=${classId}&lang=${lang}`, { viewport: size.viewport });
      await student.locator('.class-send h2').filter({ hasText: title }).waitFor({ timeout: 10000 });
      if (size.large) await student.locator('.view-opts button[aria-pressed]').click();
      await student.getByRole('textbox').first().waitFor();
      await student.locator('#class-nick').fill('<b>x</b>');
      await student.waitForTimeout(400);
      await student.screenshot({ path: `${out}/student-${lang}-${size.name}.png` });

      const teacher = await context.newPage();
      await teacher.goto(`${url}#lang=${lang}`);
      await started(teacher);
      if (size.large) await teacher.locator('.view-opts button[aria-pressed]').click();
      await teacher.locator('.class-start summary').click();
      await teacher.locator('#class-title').fill(title);
      await teacher.locator('#class-start').click();
      await teacher.locator('#class-student-link').waitFor({ state: 'visible', timeout: 10000 });
      await teacher.waitForTimeout(300);
      await teacher.locator('.class-start').screenshot({ path: `${out}/start-${lang}-${size.name}.png` });
    } finally {
      await context.close();
    }
  }
}
console.log(`screenshots in ${out}`);
