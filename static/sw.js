// sw.js — LSTM Playground's service worker: it keeps the site so that the
// page works offline once it has loaded, and picks up a new version on the
// next visit. boot.js registers it (over http and https only, scope ./).
//
// The site is kept in one cache per build, named by build.json's hash, and
// filled completely before it is used; build.json goes in last, so a cache
// with build.json is complete, and only then are older builds' caches
// deleted. The files whose names carry a content hash (app.<hash>.wasm,
// wasm_exec.<hash>.js, kernels(-fma).<hash>.wasm, worker.js?v=<hash>,
// words-<lang>.<hash>.json) never change and are served from the cache first.
// A language's catalogue file (build.words) is kept only for a browser that
// reads that language: one that fetched it (keepOptional, keepFetched), so that
// a visitor who reads English never downloads the Chinese. Of the two kernel
// builds, the one this browser's page takes (kernel.js' choose: the FMA build
// where it has relaxed SIMD) is kept, and the other only once the page
// fetched it (with ?kernels=exact). Everything else (the page, boot.js,
// style.css, build.json) comes from the network first, so that an online
// visit always gets the newest version, and from the cache when offline.
// The share service (api/) is never cached nor even seen here.
'use strict';

const PREFIX = 'lstm-playground-';
const CORE = ['./', 'index.html', 'style.css', 'boot.js', 'kernel.js', 'worker.js'];
const HASHED = /\.[0-9a-f]{8,}\.(wasm|js|json)$/;
const WORDS = /^words-([A-Za-z-]+)\.[0-9a-f]{8,}\.json$/;
importScripts('kernel.js');

const named = (f) => typeof f === 'string' && f !== '';

// kernels returns a build's kernel files: first the one this browser's page
// takes, then the other.
function kernels(build) {
  const k = [build.kernel, build.kernelFMA];
  if (named(build.kernelFMA) && self.lstmKernel.relaxedSIMD()) k.reverse();
  return k;
}

// files lists everything a build needs.
function files(build) {
  const out = CORE.concat([build.wasm, build.wasmExec, kernels(build)[0]].filter(named));
  out.push('worker.js?v=' + encodeURIComponent(build.hash));
  return out;
}

// optional lists the files of a build kept only once this browser fetched
// them: its catalogue files (build.words) and the kernel its page does not take.
function optional(build) {
  const w = build.words && typeof build.words === 'object' ? Object.values(build.words) : [];
  return w.filter((f) => typeof f === 'string' && WORDS.test(f)).concat([kernels(build)[1]].filter(named));
}

// usedLang reports whether a cache of an older build kept a catalogue file
// of the language tag: this browser reads it.
async function usedLang(tag) {
  for (const k of await caches.keys()) {
    if (!k.startsWith(PREFIX)) continue;
    for (const r of await (await caches.open(k)).keys()) {
      const m = WORDS.exec(new URL(r.url).pathname.split('/').pop());
      if (m && m[1] === tag) return true;
    }
  }
  return false;
}

// keepOptional puts in cache the optional files of build that this browser
// uses: the ones its page fetched before this worker ran (still in the HTTP
// cache, which only-if-cached reads without the network) and the catalogue
// of a language an older build's cache kept. Others are never fetched here.
async function keepOptional(cache, build) {
  for (const f of optional(build)) {
    let resp;
    try {
      resp = await fetch(new Request(f, { cache: 'only-if-cached', mode: 'same-origin' }));
    } catch (err) {
      resp = undefined;
    }
    if ((!resp || !resp.ok) && WORDS.test(f) && (await usedLang(WORDS.exec(f)[1]))) resp = await fetch(f);
    if (resp && resp.ok) await cache.put(f, resp);
  }
}

// keepFetched puts an optional file the page fetched (a catalogue of a
// language chosen after it started, the other kernel) in each complete cache
// whose build has it.
async function keepFetched(rel, resp) {
  for (const k of await caches.keys()) {
    if (!k.startsWith(PREFIX)) continue;
    const cache = await caches.open(k);
    const b = await cache.match('build.json');
    if (b && optional(await b.json()).includes(rel)) await cache.put(rel, resp.clone());
  }
}

// complete reports whether the cache of a build is complete.
async function complete(name) {
  if (!(await caches.has(name))) return false;
  const cache = await caches.open(name);
  return !!(await cache.match('build.json'));
}

// keep fills the cache of the build described by build.json's text, unless
// it is there already, then deletes the caches of older builds.
async function keep(text) {
  const build = JSON.parse(text);
  if (typeof build.hash !== 'string' || !/^[0-9a-f]+$/.test(build.hash)) return;
  const name = PREFIX + build.hash;
  if (!(await complete(name))) {
    const cache = await caches.open(name);
    // no-cache: the browser's HTTP cache may hold an older page or boot.js.
    await cache.addAll(files(build).map((f) => new Request(f, { cache: HASHED.test(f) ? 'default' : 'no-cache' })));
    await keepOptional(cache, build);
    await cache.put('build.json', new Response(text, { headers: { 'Content-Type': 'application/json' } }));
  }
  for (const k of await caches.keys()) {
    if (k.startsWith(PREFIX) && k !== name) await caches.delete(k);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const resp = await fetch('build.json', { cache: 'no-cache' });
    if (resp.ok) await keep(await resp.text());
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// fromCache finds a request in any complete build's cache.
async function fromCache(request) {
  for (const k of (await caches.keys()).reverse()) {
    if (!k.startsWith(PREFIX) || !(await complete(k))) continue;
    const hit = await (await caches.open(k)).match(request);
    if (hit) return hit;
  }
  return undefined;
}

// cacheFirst serves a file that never changes; an optional file that comes
// from the network is kept.
async function cacheFirst(event, rel) {
  const hit = await fromCache(event.request);
  if (hit) return hit;
  const resp = await fetch(event.request);
  if (resp.ok && /^(words-|kernels)/.test(rel)) event.waitUntil(keepFetched(rel, resp.clone()).catch(() => {}));
  return resp;
}

// networkFirst serves a file that may change: from the network, else from
// the cache (a page navigation falls back to the kept page). A new
// build.json is kept, with its build, in the background.
async function networkFirst(event, rel) {
  const request = event.request;
  try {
    const resp = await fetch(request);
    if (rel === 'build.json' && resp.ok) {
      const text = await resp.clone().text();
      event.waitUntil(keep(text).catch(() => {}));
    }
    return resp;
  } catch (err) {
    const hit = (await fromCache(request)) ||
      (request.mode === 'navigate' ? (await fromCache('./')) || (await fromCache('index.html')) : undefined);
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const rel = url.pathname.slice(scope.pathname.length);
  if (rel === 'api' || rel.startsWith('api/') || rel === 'sw.js') return;
  if (HASHED.test(rel) || (rel === 'worker.js' && url.searchParams.has('v'))) {
    event.respondWith(cacheFirst(event, rel));
    return;
  }
  event.respondWith(networkFirst(event, rel));
});
