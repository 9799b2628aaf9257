import { type FeedbackCodes, FeedbackCodesDraftSchema } from '../domain/feedback-codes.ts';
import { describeIssues } from '../domain/mql-definition.ts';
import type { Clock } from '../ports/clock.ts';
import type { FeedbackCodeStore } from '../ports/feedback-code-store.ts';

export class InvalidCodesError extends Error {
  constructor(readonly problems: string) {
    super(`the feedback codes are invalid: ${problems}`);
    this.name = 'InvalidCodesError';
  }
}

/**
 * Publishes a new list of reason and objection codes without a deploy. `basedOn` is the version
 * the admin edited (0: the shipped seed); someone else publishing meanwhile makes this a conflict.
 * Old decisions keep the codes they were made with: ids are never reused for other meanings.
 */
export async function publishFeedbackCodes(
  deps: { codes: FeedbackCodeStore; clock: Clock },
  input: { document: unknown; author: string; note: string; basedOn: number },
): Promise<FeedbackCodes> {
  const draft = FeedbackCodesDraftSchema.safeParse(input.document);
  if (!draft.success) throw new InvalidCodesError(describeIssues(draft.error));
  return deps.codes.publishCodes(
    {
      draft: draft.data,
      author: input.author,
      note: input.note,
      basedOn: input.basedOn === 0 ? undefined : input.basedOn,
    },
    deps.clock.now(),
  );
}
