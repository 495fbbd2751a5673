// words.mjs — the language a browser test runs in and the names it finds
// the page's controls by. E2E_LANG=zh-CN runs a test that uses L() in
// Chinese; the Chinese names are tests/e2e/page-words.json, which
// TestPageWordsJSON (wasm/words) keeps equal to what the page shows.
import { readFileSync } from 'node:fs';

export const lang = process.env.E2E_LANG || 'en';
const zh = JSON.parse(readFileSync(new URL('./page-words.json', import.meta.url), 'utf8'));

// L returns the page's English name s in the test's language.
export function L(s) {
  if (lang === 'en') return s;
  if (!(s in zh)) throw new Error(`words.mjs: no ${lang} name for "${s}" in page-words.json`);
  return zh[s];
}

// withLang returns the page address u with the test's language in its link.
export function withLang(u) {
  if (lang === 'en') return u;
  const a = new URL(u);
  a.hash = (a.hash ? a.hash + '&' : '#') + 'lang=' + lang;
  return a.href;
}
