// words.mjs — the language a browser test runs in, and the page's text in
// it. E2E_LANG=zh-CN runs a test that names the page's controls and reads
// its text through L(), T() and R() in Chinese: the sentences come from the
// words catalogue itself (tools/pagewords, words.Sentences, keyed by the
// English), so a test asserts what the page must show, not a copy of it.
// E2E_WORDS names that JSON when it was written once before (build.sh), with
// {lang} for the language's tag.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const lang = process.env.E2E_LANG || 'en';

const tables = {};
function sentences(l = lang) {
  if (tables[l]) return tables[l];
  const file = process.env.E2E_WORDS && process.env.E2E_WORDS.replace('{lang}', l);
  const json = file
    ? readFileSync(file, 'utf8')
    : execFileSync('go', ['run', './tools/pagewords', l], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' });
  tables[l] = JSON.parse(json);
  return tables[l];
}

// template puts {1}, {2} … for each number and each text in “ ” of s, as
// words.Template does, and returns the key and those parts.
export function template(s) {
  const args = [];
  const key = s.replace(/“([^”]*)”|(?<![A-Za-z0-9_])(?:[−+-])?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?(?:e[-+][0-9]+)?/g, (m, quoted) => {
    args.push(quoted ?? m);
    return quoted === undefined ? `{${args.length}}` : `“{${args.length}}”`;
  });
  return args.length > 9 ? [s, []] : [key, args];
}

// fill replaces {1} … {9} of t by args.
export function fill(t, args) {
  return t.replace(/\{([1-9])\}/g, (m, n) => (Number(n) <= args.length ? String(args[n - 1]) : m));
}

// L returns the page's English sentence s as the page shows it in the test's
// language (or in language l: Lin): the catalogue's sentence, with s's
// numbers and quoted texts put back (as words.Page does). It throws when the
// catalogue lacks s.
export function L(s) { return Lin(lang, s); }

// A sentence whose English several catalogue ids share ("Next": the
// lesson's and slow motion's) is named by its id, "#lessonui.next", in any
// language.
export function Lin(l, s) {
  if (s.startsWith('#')) {
    if (!(s in sentences(l))) throw new Error(`words.mjs: no catalogue id ${s}`);
    return sentences(l)[s];
  }
  if (l === 'en') return s;
  const t = sentences(l);
  if (s in t) return t[s];
  const [key, args] = template(s);
  if (!(key in t)) throw new Error(`words.mjs: no ${l} sentence for "${s}" (nor "${key}")`);
  return fill(t[key], args);
}

// T returns the catalogue's sentence key (English, with {1} …) in the
// test's language with its placeholders filled by args.
export function T(key, ...args) {
  if (lang === 'en') return fill(key, args);
  const t = sentences();
  if (!(key in t)) throw new Error(`words.mjs: no ${lang} sentence for "${key}"`);
  return fill(t[key], args);
}

// R returns a regular expression for the catalogue's sentence key in the
// test's language: its placeholder {n} matches the group named pn (lazily),
// the rest as written. start and end anchor it (^, $). RI does the same for
// the catalogue's message id.
export function R(key, opts) { return pattern(T(key, ...marks), opts); }
export function RI(id, opts) { return pattern(I(id, ...marks), opts); }

const marks = Array.from({ length: 9 }, (_, i) => `\u0000${i + 1}\u0000`);

function pattern(t, { start = false, end = false } = {}) {
  const seen = new Set();
  const src = t.split(/\u0000([1-9])\u0000/).map((part, i) => {
    if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (seen.has(part)) return `\\k<p${part}>`;
    seen.add(part);
    return `(?<p${part}>.+?)`;
  }).join('');
  return new RegExp((start ? '^' : '') + src + (end ? '$' : ''));
}

// I returns the catalogue's message id in the test's language, with its
// placeholders filled by args (for a text the page words by its id).
export function I(id, ...args) {
  const t = sentences();
  if (!(('#' + id) in t)) throw new Error(`words.mjs: no message ${id} in the catalogue`);
  return fill(t['#' + id], args);
}

// withLang returns the page address u with the test's language in its link.
export function withLang(u) {
  if (lang === 'en') return u;
  const a = new URL(u);
  a.hash = (a.hash ? a.hash + '&' : '#') + 'lang=' + lang;
  return a.href;
}
