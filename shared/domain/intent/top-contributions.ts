/**
 * An explanation's strongest features, selected without sorting them all: up to `k` (weight, slot,
 * name source) entries kept in |weight| order, fed one contribution at a time; contributions to the
 * same slot are merged.
 */
export class TopContributions {
  readonly weight: Float64Array;
  readonly slot: Int32Array;
  readonly descriptor: Int32Array;
  /** For a cached character n-gram: stem id * TOP_PER_WORD + rank (its name is cached there); else -1. */
  readonly cacheRef: Int32Array;
  filled = 0;

  constructor(readonly k: number) {
    this.weight = new Float64Array(k);
    this.slot = new Int32Array(k);
    this.descriptor = new Int32Array(k);
    this.cacheRef = new Int32Array(k);
  }

  reset(): void {
    this.filled = 0;
  }

  /**
   * Offers a contribution; false if it was too small (or zero) to enter. A slot already listed
   * accumulates (the same n-gram in two words), except that a contribution too small to enter the
   * list on its own is not looked up: an approximation that keeps the common case to one comparison.
   */
  offer(w: number, slot: number, descriptor: number, cacheRef: number): boolean {
    const a = Math.abs(w);
    if (a === 0 || (this.filled === this.k && a <= Math.abs(this.weight[this.k - 1]!))) return false;
    for (let q = 0; q < this.filled; q++) {
      if (this.slot[q] === slot) {
        this.weight[q]! += w;
        this.bubble(q);
        return true;
      }
    }
    const q = this.filled < this.k ? this.filled++ : this.k - 1;
    this.weight[q] = w;
    this.slot[q] = slot;
    this.descriptor[q] = descriptor;
    this.cacheRef[q] = cacheRef;
    this.bubble(q);
    return true;
  }

  /** Restores the |weight| order after entry q changed. */
  private bubble(q: number): void {
    const { weight, slot, descriptor, cacheRef } = this;
    while (q > 0 && Math.abs(weight[q - 1]!) < Math.abs(weight[q]!)) {
      swap(weight, q, q - 1);
      swap(slot, q, q - 1);
      swap(descriptor, q, q - 1);
      swap(cacheRef, q, q - 1);
      q--;
    }
    while (q + 1 < this.filled && Math.abs(weight[q + 1]!) > Math.abs(weight[q]!)) {
      swap(weight, q, q + 1);
      swap(slot, q, q + 1);
      swap(descriptor, q, q + 1);
      swap(cacheRef, q, q + 1);
      q++;
    }
  }
}

function swap(a: Float64Array | Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
