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
  'Hi {name}, saw your post. {product} might help here; happy to share how teams like yours use it.';

/** Fills a reply template; the draft is a starting point a person edits and approves. */
export function draftReply(template: string | undefined, values: { name: string; product: string }): string {
  const text = (template ?? DEFAULT_TEMPLATE)
    .replaceAll('{name}', values.name.split(/\s+/)[0] || 'there')
    .replaceAll('{product}', values.product);
  return text.slice(0, 280);
}
