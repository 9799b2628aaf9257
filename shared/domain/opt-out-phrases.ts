/**
 * A prospect's answer that asks us to stop. Matching is deliberately broad (a missed opt-out is
 * worse than a lost lead): the words are matched as whole words, case-insensitively.
 */
const OPT_OUT = [
  /\bstop\b/i,
  /\bunsubscribe\b/i,
  /\bnot interested\b/i,
  /\bno thanks\b/i,
  /\bleave me alone\b/i,
  /\bdon'?t (?:contact|message|dm|reply to|tag) me\b/i,
  /\bremove me\b/i,
  /\bopt(?:-| )?out\b/i,
  /\bspam\b/i,
];

export function asksToStop(text: string): boolean {
  return OPT_OUT.some((p) => p.test(text));
}
