const QUESTION_START =
  /^(?:anyone|any|what|which|who|how|does|do|should|is|are|can|could|would|recommendations?|suggestions?)\b/i;

/** Asking is a stronger buying sign than telling: a question mark or a question opener. */
export function isQuestion(text: string): boolean {
  return text.includes('?') || QUESTION_START.test(text.trim());
}
