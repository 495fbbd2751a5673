// domdump.mjs — dumps the page's DOM (document.body.outerHTML, attributes
// in name order) in the states the page builds its parts in, to compare a
// change that must not change the DOM (issue 13: the markup templates):
//   node tests/e2e/domdump.mjs URL DIR
// writes DIR/<state>.html for each state; `diff -r BEFORE AFTER` then
// compares two builds. States: the page after boot (before training) in
// English and in zh-CN, after switching en → zh-CN → en and zh-CN → en →
// zh-CN in one page, a student's page of a class (Send to the class), and
// the class board with one student's card. The class's id, key and the
// send's time differ between runs and are replaced by fixed tokens.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { open, trainTo } from './classroom.mjs';
import { startClass, sendRun, waitCards } from './class.mjs';

const [url, dir] = process.argv.slice(2);
if (!url || !dir) {
  console.error('usage: node tests/e2e/domdump.mjs URL DIR');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });

// dump returns the body's markup once it holds still for half a second,
// each element's attributes written in name order.
async function dump(page) {
  const read = () => page.evaluate(() => {
    const body = document.body.cloneNode(true);
    for (const el of [body, ...body.querySelectorAll('*')]) {
      const attrs = [...el.attributes].map((a) => [a.name, a.value]).sort((x, y) => (x[0] < y[0] ? -1 : 1));
      for (const [n] of attrs) el.removeAttribute(n);
      for (const [n, v] of attrs) el.setAttribute(n, v);
    }
    return body.outerHTML;
  });
  let last = await read();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(500);
    const now = await read();
    if (now === last) return now;
    last = now;
  }
  return last;
}

const fixed = (s) => s.replace(/127\.0\.0\.1:[0-9]+/g, 'HOST').replace(/[a-z2-7]{26}/g, 'ID26').replace(/\d{4}-\d\d-\d\dT[0-9:.]+Z?/g, 'TIME')
  .replace(/\b\d\d?:\d\d\b/g, 'HH:MM');

// save writes the page's DOM as DIR/name.html; numbers that depend on
// training (the board's) are replaced by N when anyNumber.
async function save(name, page, anyNumber = false) {
  let html = fixed(await dump(page));
  if (anyNumber) html = html.replace(/[0-9][0-9,.]*/g, 'N');
  writeFileSync(join(dir, name + '.html'), html.replace(/></g, '>\n<') + '\n');
  console.log('wrote', name);
}

async function switchTo(page, tag) {
  await page.selectOption('#lang', tag);
  await page.waitForFunction((t) => document.documentElement.lang === t, tag, { timeout: 30000 });
}

const context = await launch({ context: { locale: 'en-US' }, viewport: { width: 1366, height: 900 } });
try {
  const { page: en } = await open(context, url);
  await save('en', en);
  await switchTo(en, 'zh-CN');
  await switchTo(en, 'en');
  await save('en-zh-en', en);
  await en.close();

  const { page: zh } = await open(context, new URL('?lang=zh-CN', url).href);
  await save('zh-CN', zh);
  await switchTo(zh, 'en');
  await save('zh-en', zh);
  await switchTo(zh, 'zh-CN');
  await save('zh-en-zh', zh);
  await zh.close();

  const { page: teacher } = await open(context, new URL('?lang=en', url).href);
  const { studentLink, boardLink } = await startClass(teacher, 'Dump');
  await save('class-started', teacher);
  const { page: student } = await open(context, studentLink);
  await student.getByText('Send to the class “Dump”').waitFor({ timeout: 10000 });
  await save('student', student);
  await trainTo(student, 5);
  await sendRun(student, 'Ana');
  await student.locator('#class-send-status').filter({ hasText: /^Sent:/ }).waitFor({ timeout: 10000 });
  await student.close();
  const { page: board } = await open(context, boardLink);
  await waitCards(board, 1);
  await save('board', board, true);
} finally {
  await context.close();
}
