// Share links in a browser without DEFLATE streams (CompressionStream and
// DecompressionStream 'deflate-raw': Safari before 16.4, Chrome before 103).
// The page writes the link's text as DEFLATE's stored blocks, which every
// page opens; a compressed link it cannot inflate gets a sentence in the
// page's language, and the page starts with its own settings.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync, deflateRawSync } from 'node:zlib';
import { launch } from './browser.mjs';
import { url, open, alertMatching, linkFromPage } from './classroom.mjs';
import { Lin } from './words.mjs';

const contexts = [];
after(async () => { for (const c of contexts) await c.close(); });

// browser launches a browser context, without DEFLATE streams if old.
async function browser(old) {
  const c = await launch();
  contexts.push(c);
  if (old) {
    await c.addInitScript(() => { delete globalThis.CompressionStream; delete globalThis.DecompressionStream; });
  }
  return c;
}

const trainingText = (page, lang = 'en') => page.getByRole('textbox', { name: Lin(lang, 'Training text'), exact: true }).inputValue();

test('a browser without DEFLATE streams makes links every page opens', async () => {
  const old = await browser(true);
  const text = 'an old browser links this text, 你好. '.repeat(8);
  const { page, problems } = await open(old, url + '#v=1&lang=en');
  await page.getByRole('textbox', { name: 'Training text', exact: true }).fill(text);
  await page.waitForTimeout(500);
  const link = await linkFromPage(page);
  const z = Buffer.from(new URL(link).hash.match(/[#&]text=([^&]*)/)[1], 'base64url');
  assert.equal(z[0] & 6, 0, 'the text is a stored block');
  assert.equal(inflateRawSync(z).toString(), text, 'compress/flate and zlib read it');
  assert.deepEqual(problems, []);
  for (const [name, context] of [['a browser with DEFLATE streams', await browser(false)], ['the old browser', old]]) {
    const opened = await open(context, link);
    assert.equal(await trainingText(opened.page), text, `${name} opens the link's text`);
    assert.deepEqual(opened.problems, []);
    await opened.page.close();
  }
});

test('a browser without DEFLATE streams says it cannot open a compressed link, in the page language', async () => {
  const old = await browser(true);
  const linked = 'twinkle twinkle little star '.repeat(20);
  const z = deflateRawSync(Buffer.from(linked), { level: 9 }).toString('base64url');
  for (const lang of ['en', 'zh-CN']) {
    const { page } = await open(old, `${url}#v=1&lang=${lang}&h=16&text=${z}`);
    const said = await alertMatching(page, new RegExp(Lin(lang, '#ui.link.oldBrowser').slice(0, 12)));
    assert.ok(said.startsWith(Lin(lang, '#ui.link.oldBrowser')), `${lang}: ${said}`);
    assert.notEqual(await trainingText(page, lang), linked, 'the page keeps its own text');
    assert.equal(await page.getByRole('spinbutton', { name: Lin(lang, 'Hidden units'), exact: true }).inputValue(), '32', 'the default hidden units, not the link\'s');
    await page.close();
  }
});
