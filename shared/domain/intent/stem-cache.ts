import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { hashString } from './hash.ts';

/**
 * natural's Porter stemmer costs ~2 µs a word (it is regex-based); posts reuse a small vocabulary,
 * so each distinct surface form is stemmed and hashed once and then looked up. Bounded: the cache
 * is emptied when it grows past `maxEntries` (between posts, never mid-post).
 */
export class StemCache {
  private readonly ids = new Map<string, number>();
  /** The stem (or the surface form itself when stemming is off) per id. */
  readonly stems: string[] = [];
  /** hashString(stem) per id: the unit every word feature hash is built from. */
  hashes = new Int32Array(1024);

  constructor(
    readonly stem: boolean,
    private readonly maxEntries = 200_000,
  ) {}

  /** Call between posts: keeps memory bounded without invalidating ids inside one post. */
  maybeReset(): void {
    if (this.stems.length < this.maxEntries) return;
    this.ids.clear();
    this.stems.length = 0;
  }

  /** The id of `surface`'s stem entry (stemming it the first time it is seen). */
  idOf(surface: string): number {
    const known = this.ids.get(surface);
    if (known !== undefined) return known;
    const stem = this.stem && isStemmable(surface) ? PorterStemmer.stem(surface) : surface;
    const id = this.stems.length;
    this.stems.push(stem);
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hashString(stem);
    this.ids.set(surface, id);
    return id;
  }
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
