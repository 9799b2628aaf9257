import * as z from 'zod';

/**
 * Control characters (other than tab and newline) and the bidirectional controls that reorder
 * what a reader sees (U+202A-202E embeddings and overrides, U+2066-2069 isolates, the marks).
 * In an audit trail or a CRM note they can hide or disguise text ("Trojan Source").
 */
export function hasHiddenCharacters(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x09 || c === 0x0a) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
    if (c === 0x061c || c === 0x200e || c === 0x200f) return true;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}

/** A person's free text (a reason, a note): trimmed, bounded, and without hidden characters. */
export function freeText(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !hasHiddenCharacters(s), {
      message: 'contains control or bidirectional-override characters',
    });
}
