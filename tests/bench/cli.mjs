// cli.mjs — what the Node harnesses share: the benchmark corpus (the first
// 20,000 characters of the GPL-3 licence, checked against WORKLOAD.md) and arguments.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { CORPUS_CHARS, CORPUS_SHA256 } from './common.mjs';

export const corpusPath = process.env.BENCH_CORPUS || '/usr/share/common-licenses/GPL-3';

// readCorpus returns the corpus text; it throws if the file is missing or differs.
export function readCorpus() {
  const bytes = readFileSync(corpusPath).subarray(0, CORPUS_CHARS);
  const sum = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length !== CORPUS_CHARS || sum !== CORPUS_SHA256) {
    throw new Error(`${corpusPath}: the first ${CORPUS_CHARS} bytes have SHA-256 ${sum}, not ${CORPUS_SHA256} (see ../shared/bench/WORKLOAD.md)`);
  }
  return bytes.toString('latin1');
}

// args parses "--key value" pairs into an object.
export function args(argv = process.argv.slice(2)) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) throw new Error(`bad arguments: ${argv.join(' ')}`);
    out[argv[i].slice(2)] = argv[i + 1];
  }
  return out;
}
