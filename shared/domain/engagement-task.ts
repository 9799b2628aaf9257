import { createHash } from 'node:crypto';
import * as z from 'zod';
import { SourceSchema } from './post.ts';

/**
 * Drafted, approved by a person, then executed by the worker. X's developer rules forbid
 * automated likes, follows and replies to keyword matches, so nothing runs without approval.
 */
export const TaskStatusSchema = z.enum(['drafted', 'approved', 'executing', 'done', 'skipped', 'failed']);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

export const TaskKindSchema = z.enum(['reply', 'like', 'follow', 'list', 'dm']);

export const EngagementTaskSchema = z.object({
  id: z.string().regex(/^t-[0-9a-f]{16}$/),
  prospectKey: z.string().min(1),
  source: SourceSchema,
  kind: TaskKindSchema,
  postId: z.string().optional(),
  campaignId: z.string().optional(),
  draft: z.string().max(280),
  status: TaskStatusSchema,
  createdAt: z.iso.datetime({ offset: true }),
  approvedBy: z.string().optional(),
  approvedAt: z.iso.datetime({ offset: true }).optional(),
  executedAt: z.iso.datetime({ offset: true }).optional(),
  /** Set when the daily cap deferred the task: it is sent again from this time on. */
  notBefore: z.iso.datetime({ offset: true }).optional(),
  result: z.string().optional(),
  /** Who last edited the draft text (the approved text is what is sent). */
  editedBy: z.string().max(200).optional(),
  /**
   * The worker's claim on an `executing` task: until this time no other delivery may take it over.
   * Past it, a redelivery reconciles (when `sendingAt` is set) and then sends again.
   */
  leaseUntil: z.iso.datetime({ offset: true }).optional(),
  /** Set just before the network call: from here on X may hold our reply, so look before sending. */
  sendingAt: z.iso.datetime({ offset: true }).optional(),
  /** How many times a worker claimed the task (each claim bumps it, so a stale claim cannot finish). */
  attempt: z.number().int().min(0).max(1000).optional(),
  /** The id X gave our reply: links the prospect's answer back to this task. */
  replyId: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
});
export type EngagementTask = z.infer<typeof EngagementTaskSchema>;

/** The queue message: only the id travels; the worker re-reads the task so a stale message is harmless. */
export const TaskMessageSchema = z.object({
  taskId: EngagementTaskSchema.shape.id,
  prospectKey: z.string().min(1),
});
export type TaskMessage = z.infer<typeof TaskMessageSchema>;

/** Same prospect, action and post give the same id, so drafting twice stores one task. */
export function taskId(prospectKey: string, kind: string, postId = ''): string {
  return `t-${createHash('sha256').update(`${prospectKey}|${kind}|${postId}`).digest('hex').slice(0, 16)}`;
}

const DEFAULT_TEMPLATE =
  'Hi {firstName}, saw your post about {need}. {product} might help here; happy to share how teams like yours use it. {link}';

/** What a campaign's reply template may say: `{firstName}` (or `{name}`), `{need}`, `{product}`, `{link}`. */
export interface TemplateValues {
  name: string;
  product: string;
  /** The need the post expressed, in a few words (the phrase that matched, or the post's opening). */
  need?: string;
  /** A content link marketing chose for the campaign. */
  link?: string;
}

/**
 * Fills a reply template; the draft is a starting point a person edits and approves. Missing
 * values fall back to neutral words, and leftover whitespace is squeezed, so no `{braces}` ever
 * reach a prospect.
 */
export function draftReply(template: string | undefined, values: TemplateValues): string {
  const first = values.name.split(/\s+/)[0] || 'there';
  const text = (template ?? DEFAULT_TEMPLATE)
    .replaceAll('{firstName}', first)
    .replaceAll('{name}', first)
    .replaceAll('{need}', values.need?.trim() || 'this')
    .replaceAll('{product}', values.product)
    .replaceAll('{link}', values.link ?? '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return text.slice(0, 280);
}

/** The words a post's author used for the need: the first sentence, cut at a word near 60 characters. */
export function needOf(postText: string): string {
  const sentence =
    postText
      .replace(/https?:\/\/\S+/g, '')
      .replace(/[@#]\w+/g, '')
      .split(/[.?!\n]/)[0]
      ?.trim() ?? '';
  if (sentence.length <= 60) return sentence;
  const cut = sentence.slice(0, 60);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 20)).trim();
}
