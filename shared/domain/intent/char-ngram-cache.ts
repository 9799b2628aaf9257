import type { Featuriser } from './featurise.ts';

/** Strongest n-grams remembered per word, for explanations. */
export const TOP_PER_WORD = 5;

/**
 * For models whose character n-grams are counted (not binary), a word's n-grams always add the same
 * amount to the log-odds. So each distinct word is hashed once: its n-gram weight sum, n-gram count
 * and strongest n-grams are kept per stem-cache id, and scoring a known word costs one lookup instead
 * of ~4 hashes and table reads per character. Tied to one model's weight table and featuriser.
 */
export class CharNgramCache {
  sum = new Float64Array(1024);
  count = new Int32Array(1024);
  /** Per id, TOP_PER_WORD (weight, position) pairs by |weight| descending; position = descriptor bits 0-11. */
  topWeight = new Float32Array(1024 * TOP_PER_WORD);
  topPosition = new Int32Array(1024 * TOP_PER_WORD);
  topSlot = new Int32Array(1024 * TOP_PER_WORD);
  /** Feature names of the top n-grams, built the first time an explanation reports one. */
  private names: (string | undefined)[] = [];
  private ready = new Uint8Array(1024);
  private resets = 0;

  constructor(
    private readonly featuriser: Featuriser,
    private readonly table: Float32Array,
  ) {}

  /**
   * Makes sure token `t` of the featuriser's current post (stem id `id`) has its entry; `scratch` is
   * a free position in the featuriser's index buffer. Call `sync` once per post first.
   */
  ensure(t: number, id: number, scratch: number): void {
    if (id < this.ready.length && this.ready[id] === 1) return;
    if (id >= this.ready.length) this.grow(id + 1);
    const f = this.featuriser;
    const end = f.charNgrams(t, scratch, true);
    const idx = f.indices;
    const desc = f.descriptors;
    const table = this.table;
    const base = id * TOP_PER_WORD;
    const tw = this.topWeight;
    const tp = this.topPosition;
    const ts = this.topSlot;
    tw.fill(0, base, base + TOP_PER_WORD);
    for (let q = 0; q < TOP_PER_WORD && base + q < this.names.length; q++) this.names[base + q] = undefined;
    let sum = 0;
    for (let i = scratch; i < end; i++) {
      const j = idx[i]!;
      const w = table[j]!;
      sum += w;
      const a = Math.abs(w);
      if (a <= Math.abs(tw[base + TOP_PER_WORD - 1]!)) continue;
      let p = TOP_PER_WORD - 1;
      while (p > 0 && Math.abs(tw[base + p - 1]!) < a) {
        tw[base + p] = tw[base + p - 1]!;
        tp[base + p] = tp[base + p - 1]!;
        ts[base + p] = ts[base + p - 1]!;
        p--;
      }
      tw[base + p] = w;
      tp[base + p] = desc[i]! & 0xfff;
      ts[base + p] = j;
    }
    this.sum[id] = sum;
    this.count[id] = end - scratch;
    this.ready[id] = 1;
  }

  /** Name of the q-th strongest n-gram of token t (stem id `id`) of the current post. */
  nameOf(t: number, id: number, q: number): string {
    const at = id * TOP_PER_WORD + q;
    let name = this.names[at];
    if (name === undefined) {
      name = this.featuriser.nameOfDescriptor((t << 12) | this.topPosition[at]!);
      while (this.names.length < at) this.names.push(undefined);
      this.names[at] = name;
    }
    return name;
  }

  /** Forgets everything if the featuriser's stem cache was emptied since the last post. */
  sync(): void {
    const resets = this.featuriser.stems.resets;
    if (resets !== this.resets) {
      this.ready.fill(0);
      this.names.length = 0;
      this.resets = resets;
    }
  }

  private grow(min: number): void {
    let size = this.ready.length;
    while (size < min) size *= 2;
    const ready = new Uint8Array(size);
    ready.set(this.ready);
    this.ready = ready;
    const sum = new Float64Array(size);
    sum.set(this.sum);
    this.sum = sum;
    const count = new Int32Array(size);
    count.set(this.count);
    this.count = count;
    const tw = new Float32Array(size * TOP_PER_WORD);
    tw.set(this.topWeight);
    this.topWeight = tw;
    const tp = new Int32Array(size * TOP_PER_WORD);
    tp.set(this.topPosition);
    this.topPosition = tp;
    const ts = new Int32Array(size * TOP_PER_WORD);
    ts.set(this.topSlot);
    this.topSlot = ts;
  }
}
