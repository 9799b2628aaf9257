import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { hashString } from './hash.ts';
import type { TokenBuffer } from './token-buffer.ts';
import type { WordRowIndex } from './word-vectors.ts';

const GOLDEN = 0x9e3779b1 | 0;

/**
 * natural's Porter stemmer costs ~2 µs a word (it is regex-based); posts reuse a small vocabulary,
 * so each distinct surface form is stemmed and hashed once and then looked up. The lookup is keyed
 * by the hash the scanner computed, in an open-addressing table, and confirmed by comparing the
 * characters in place against a flat character pool, so a known word costs no string allocation,
 * no string hashing and no pointer chasing. Bounded: emptied when it grows past `maxEntries`
 * (between posts, never mid-post).
 */
export class StemCache {
  /** The stem (or the surface form itself when stemming is off) per id. */
  readonly stems: string[] = [];
  /** hashString(stem) per id: the unit every word feature hash is built from. */
  hashes = new Int32Array(1024);
  /** The surface form's row in the word vectors per id, or -1 (resolved once per distinct word). */
  vectorRows = new Int32Array(1024);
  /** Surface forms, back to back; `poolStart[id]`, `poolLength[id]` locate one. */
  private pool = new Uint16Array(8192);
  private poolUsed = 0;
  private poolStart = new Int32Array(1024);
  private poolLength = new Int32Array(1024);
  private surfaceHash = new Int32Array(1024);
  /** Open addressing, interleaved pairs: [surface hash, id + 1]; id + 1 = 0 marks an empty slot. */
  private table = new Int32Array(2 * 4096);
  private shift = 32 - 12;

  constructor(
    readonly stem: boolean,
    private readonly maxEntries = 100_000,
    private readonly vectorIndex?: WordRowIndex,
  ) {}

  /** Incremented whenever the cache is emptied (ids are then reused for other words). */
  resets = 0;

  get size(): number {
    return this.stems.length;
  }

  /** Call between posts: keeps memory bounded without invalidating ids inside one post. */
  maybeReset(): void {
    if (this.stems.length < this.maxEntries) return;
    this.stems.length = 0;
    this.resets++;
    this.poolUsed = 0;
    this.table.fill(0);
  }

  /** The id of token `t`'s stem entry (stemming it the first time it is seen). */
  idOfToken(tokens: TokenBuffer, t: number): number {
    const hash = tokens.hash[t]!;
    const own = tokens.text[t]!;
    const src = own !== '' ? own : tokens.source;
    const from = own !== '' ? 0 : tokens.start[t]!;
    const len = own !== '' ? own.length : tokens.end[t]! - from;
    const found = this.find(hash, src, from, len);
    return found >= 0 ? found : this.insert(-found - 1, hash, src.slice(from, from + len));
  }

  /** The id of a surface form given as a string (stemming it the first time it is seen). */
  idOf(surface: string): number {
    const hash = hashString(surface);
    const found = this.find(hash, surface, 0, surface.length);
    return found >= 0 ? found : this.insert(-found - 1, hash, surface);
  }

  /**
   * The id of `src[from, from + len)` (whose hashString is `hash`), or -(free slot + 1) when it is
   * not cached. Characters are compared in place, so a lookup allocates nothing.
   */
  private find(hash: number, src: string, from: number, len: number): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let slot = Math.imul(hash, GOLDEN) >>> this.shift;
    for (;;) {
      const entry = table[2 * slot + 1]!;
      if (entry === 0) return -slot - 1;
      if (table[2 * slot] === hash && this.poolLength[entry - 1] === len) {
        const pool = this.pool;
        const p0 = this.poolStart[entry - 1]!;
        let k = 0;
        while (k < len && pool[p0 + k] === src.charCodeAt(from + k)) k++;
        if (k === len) return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  private insert(slot: number, hash: number, surface: string): number {
    const stem = this.stem && isStemmable(surface) ? PorterStemmer.stem(surface) : surface;
    const id = this.stems.length;
    this.stems.push(stem);
    if (id >= this.hashes.length) {
      const size = this.hashes.length * 2;
      this.hashes = grow(this.hashes, size);
      this.poolStart = grow(this.poolStart, size);
      this.poolLength = grow(this.poolLength, size);
      this.surfaceHash = grow(this.surfaceHash, size);
      this.vectorRows = grow(this.vectorRows, size);
    }
    if (this.poolUsed + surface.length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + surface.length));
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let k = 0; k < surface.length; k++) this.pool[this.poolUsed + k] = surface.charCodeAt(k);
    this.poolStart[id] = this.poolUsed;
    this.poolLength[id] = surface.length;
    this.poolUsed += surface.length;
    this.surfaceHash[id] = hash;
    this.hashes[id] = hashString(stem);
    this.vectorRows[id] = this.vectorIndex ? this.vectorIndex.rowOf(surface, hash) : -1;
    this.table[2 * slot] = hash;
    this.table[2 * slot + 1] = id + 1;
    if ((id + 1) * 2 > this.table.length >> 1) this.rehash();
    return id;
  }

  /** Doubles the table (load factor stays at or below one half). */
  private rehash(): void {
    const slots = this.table.length; // new slot count = 2 * old slot count
    const table = new Int32Array(2 * slots);
    this.shift--;
    const mask = slots - 1;
    for (let id = 0; id < this.stems.length; id++) {
      const hash = this.surfaceHash[id]!;
      let slot = Math.imul(hash, GOLDEN) >>> this.shift;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = hash;
      table[2 * slot + 1] = id + 1;
    }
    this.table = table;
  }
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Only plain a-z words (apostrophes allowed) go through an English stemmer. */
function isStemmable(s: string): boolean {
  if (s.length < 3) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 97 || c > 122) && c !== 39) return false;
  }
  return true;
}
