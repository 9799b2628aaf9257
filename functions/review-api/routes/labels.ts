import { Hono } from 'hono';
import * as z from 'zod';
import { POST_ID_PATTERN } from '../../../shared/domain/author-id.ts';
import { PostLabelValueSchema } from '../../../shared/domain/post-label.ts';
import { labelPost, leadLabels } from '../../../shared/use-cases/label-post.ts';
import { identityOf, requireRole } from '../auth.ts';
import { jsonBody, parse, type RouteDeps, routeKey } from '../http.ts';

const LabelBody = z.strictObject({
  postId: z.string().regex(POST_ID_PATTERN, 'expected a post id (letters, digits, : _ . / -)'),
  label: PostLabelValueSchema,
});

/**
 * Post-level feedback: a marketer (from a review card) or a salesperson (from a lead's detail)
 * says whether one post is a buying signal. The label records the caller's group and name.
 */
export function labelRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  const labellers = requireRole(deps.identify, 'marketer', 'sales');

  app.post('/:source/:authorId/post-labels', labellers, async (c) => {
    const key = routeKey(c);
    const body = parse(LabelBody, await jsonBody(c));
    const who = identityOf(deps.identify, c);
    const actor = { type: who.roles.includes('marketer') ? 'marketer' : 'sales', id: who.id } as const;
    return c.json({ label: await labelPost(deps, { key, ...body, actor }) });
  });

  app.get('/:source/:authorId/post-labels', labellers, async (c) =>
    c.json({ labels: await leadLabels(deps, routeKey(c)) }),
  );
  return app;
}
