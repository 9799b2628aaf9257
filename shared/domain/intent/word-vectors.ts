import { hashString } from './hash.ts';

/**
 * Pretrained word vectors (each word embedded alone by the Universal Sentence Encoder), the one
 * piece of knowledge the intent learner takes from outside its labelled posts: a post's mean word
 * vector lets a word never seen in training ("procure") count like its neighbours ("buy"). Rows are in the source's frequency order, quantised to int8
 * with one float scale per row (the mean of a post's vectors hardly notices the rounding).
 */
export class WordVectors {
  readonly index: WordRowIndex;

  constructor(
    readonly words: readonly string[],
    readonly dims: number,
    private readonly scales: Float32Array,
    private readonly values: Int8Array,
    /** Where the vectors came from, recorded in every model trained with them. */
    readonly source: string,
  ) {
    if (scales.length !== words.length || values.length !== words.length * dims)
      throw new Error('word vectors: sizes do not match the word count');
    this.index = new WordRowIndex(words);
  }

  /** Adds row `row`'s vector into `out` (length `dims`). */
  addTo(row: number, out: Float64Array): void {
    const s = this.scales[row]!;
    const base = row * this.dims;
    for (let d = 0; d < this.dims; d++) out[d]! += s * this.values[base + d]!;
  }

  /** Row `row`'s vector dotted with `u`: what a linear model's vector weights make of that word. */
  dot(row: number, u: ArrayLike<number>): number {
    const base = row * this.dims;
    let z = 0;
    for (let d = 0; d < this.dims; d++) z += this.values[base + d]! * u[d]!;
    return z * this.scales[row]!;
  }
}

/**
 * Word → row, keyed by the same hash the tokeniser computes for every token, so the featuriser
 * resolves a word once per distinct surface form. Open addressing; a hash hit is confirmed against
 * the word, so a collision can never borrow another word's vector.
 */
export class WordRowIndex {
  private readonly table: Int32Array;
  private readonly shift: number;

  constructor(private readonly words: readonly string[]) {
    let bits = 4;
    while (1 << bits < words.length * 2) bits++;
    this.shift = 32 - bits;
    this.table = new Int32Array(1 << bits);
    const mask = this.table.length - 1;
    words.forEach((w, row) => {
      let slot = Math.imul(hashString(w), GOLDEN) >>> this.shift;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = row + 1;
    });
  }

  /** The row of `word` (whose hashString is `hash`), or -1. */
  rowOf(word: string, hash = hashString(word)): number {
    const mask = this.table.length - 1;
    let slot = Math.imul(hash, GOLDEN) >>> this.shift;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === 0) return -1;
      if (this.words[entry - 1] === word) return entry - 1;
      slot = (slot + 1) & mask;
    }
  }
}

const GOLDEN = 0x9e3779b1 | 0;
const MAGIC = 0x31565750; // "PWV1" little-endian

/**
 * Binary layout (little-endian): magic u32, dims u32, count u32, source length u32, source (UTF-8),
 * words length u32, words (UTF-8, newline-separated), count f32 scales, count × dims int8 values.
 */
export function encodeWordVectors(
  words: readonly string[],
  vectors: readonly ArrayLike<number>[],
  dims: number,
  source: string,
): Uint8Array {
  const enc = new TextEncoder();
  const src = enc.encode(source);
  const list = enc.encode(words.join('\n'));
  const count = words.length;
  const size = 16 + src.length + 4 + list.length + 4 * count + count * dims;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const v of [MAGIC, dims, count, src.length]) {
    view.setUint32(at, v, true);
    at += 4;
  }
  bytes.set(src, at);
  at += src.length;
  view.setUint32(at, list.length, true);
  at += 4;
  bytes.set(list, at);
  at += list.length;
  const valuesAt = at + 4 * count;
  vectors.forEach((v, row) => {
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(v[d]!));
    const scale = max > 0 ? max / 127 : 1;
    view.setFloat32(at + 4 * row, scale, true);
    for (let d = 0; d < dims; d++) view.setInt8(valuesAt + row * dims + d, Math.round(v[d]! / scale));
  });
  return bytes;
}

export function decodeWordVectors(bytes: Uint8Array): WordVectors {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 16 || view.getUint32(0, true) !== MAGIC)
    throw new Error('word vectors: not a Prospector word-vector file (bad magic)');
  const dims = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  const dec = new TextDecoder();
  let at = 12;
  const srcLen = view.getUint32(at, true);
  at += 4;
  const source = dec.decode(bytes.subarray(at, at + srcLen));
  at += srcLen;
  const listLen = view.getUint32(at, true);
  at += 4;
  const words = dec.decode(bytes.subarray(at, at + listLen)).split('\n');
  at += listLen;
  if (words.length !== count || bytes.byteLength !== at + 4 * count + count * dims)
    throw new Error(`word vectors: expected ${count} words of ${dims} dims, the file says otherwise`);
  const scales = new Float32Array(count);
  for (let r = 0; r < count; r++) scales[r] = view.getFloat32(at + 4 * r, true);
  at += 4 * count;
  const values = new Int8Array(
    bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + count * dims),
  );
  return new WordVectors(words, dims, scales, values, source);
}
