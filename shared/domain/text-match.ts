/** Escapes a literal for use inside a RegExp. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One case-insensitive regex for a list of terms, matching whole words only, so "cto" does not
 * fire inside "director". Compiled once per definition: scoring runs on every post.
 */
export function termsMatcher(terms: readonly string[]): RegExp {
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => escapeRegExp(t.trim()).replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

/** The first matched span, for a score breakdown's evidence. */
export function firstMatch(re: RegExp, text: string): string | undefined {
  const m = re.exec(text);
  return m?.[0];
}

const QUESTION_START =
  /^(?:anyone|any|what|which|who|how|does|do|should|is|are|can|could|would|recommendations?|suggestions?)\b/i;

/** Asking is a stronger buying sign than telling: a question mark or a question opener. */
export function isQuestion(text: string): boolean {
  return text.includes('?') || QUESTION_START.test(text.trim());
}
