import * as z from 'zod';

/**
 * Text people type (reasons, notes): bounded, and free of control and bidi-override characters,
 * which can hide or reorder what a reader sees in a CRM, a chat notice or a CSV.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters refused
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export function freeText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((s) => !HIDDEN.test(s), { message: 'must not contain control or bidi-override characters' });
}
