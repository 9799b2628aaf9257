import type { Actor } from '../domain/lead-state.ts';
import type { PostLabel, PostLabelValue } from '../domain/post-label.ts';
import type { Clock } from '../ports/clock.ts';
import type { LabelStore } from '../ports/label-store.ts';
import type { LeadStore } from '../ports/lead-store.ts';
import { LeadNotFoundError } from './review-prospect.ts';

/** The post named is not (or no longer) one of this lead's live posts: nothing was stored. */
export class PostNotOfLeadError extends Error {
  constructor(key: string, postId: string) {
    super(`postId: post ${postId} is not a live post of lead ${key}`);
    this.name = 'PostNotOfLeadError';
  }
}

/** A label as the API shows it: who said what about which post, and when (the text stays stored). */
export type LabelView = Omit<PostLabel, 'text'>;

/**
 * A person marks one of a lead's posts as a buying signal or not. The label is about the post's
 * words and feeds the next intent model; it changes neither the lead's state nor its score (a
 * lead-level decision is a different thing, and is never turned into a label).
 */
export async function labelPost(
  deps: { leads: LeadStore; labels: LabelStore; clock: Clock },
  input: { key: string; postId: string; label: PostLabelValue; actor: Actor },
): Promise<LabelView> {
  const now = deps.clock.now();
  if (!(await deps.leads.getLead(input.key))) throw new LeadNotFoundError(input.key);
  const signal = (await deps.leads.listSignals(input.key, now)).find((s) => s.postId === input.postId);
  if (!signal) throw new PostNotOfLeadError(input.key, input.postId);
  const label: PostLabel = {
    key: input.key,
    postId: input.postId,
    label: input.label,
    by: `${input.actor.type}:${input.actor.id}`,
    at: now.toISOString(),
    text: signal.text,
  };
  if (!(await deps.labels.putLabel(label, now))) throw new PostNotOfLeadError(input.key, input.postId);
  const { text: _text, ...view } = label;
  return view;
}

/** One lead's labels, for its detail view. */
export async function leadLabels(deps: { labels: LabelStore }, key: string): Promise<LabelView[]> {
  return (await deps.labels.listLeadLabels(key)).map(({ text: _text, ...view }) => view);
}
