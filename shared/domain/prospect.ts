import * as z from 'zod';
import { SourceSchema } from './post.ts';

/** The public profile of a post's author, as far as the source shares it. */
export const ProspectProfileSchema = z.object({
  source: SourceSchema,
  authorId: z.string().min(1),
  handle: z.string().min(1),
  name: z.string(),
  bio: z.string(),
  location: z.string().optional(),
  /** The person's own website, as they give it (a fit signal). */
  url: z.string().optional(),
  /** Where a salesperson can see the profile on the network. */
  profileUrl: z.string().optional(),
  followers: z.number().int().nonnegative(),
  following: z.number().int().nonnegative(),
  postsCount: z.number().int().nonnegative(),
  accountCreatedAt: z.iso.datetime({ offset: true }).optional(),
  verified: z.boolean(),
});
export type ProspectProfile = z.infer<typeof ProspectProfileSchema>;

/** A prospect is identified by network and author id, never by handle (handles change). */
export function prospectKey(p: { source: string; authorId: string }): string {
  return `${p.source}#${p.authorId}`;
}

export function parseProspectKey(key: string): { source: string; authorId: string } {
  const i = key.indexOf('#');
  if (i <= 0 || i === key.length - 1) throw new Error(`invalid prospect key: ${key}`);
  return { source: key.slice(0, i), authorId: key.slice(i + 1) };
}
