import * as z from 'zod';
import { POST_ID_PATTERN } from '../../../shared/domain/author-id.ts';
import { PostLabelValueSchema } from '../../../shared/domain/post-label.ts';
import { labelPost, leadLabels } from '../../../shared/use-cases/label-post.ts';
import { identityOf } from '../auth.ts';
import { LeadParams, leadKey, type RouteDeps } from '../http.ts';
import { apiRouter } from '../openapi.ts';

const LabelBody = z
  .strictObject({
    postId: z.string().regex(POST_ID_PATTERN, 'expected a post id (letters, digits, : _ . / -)'),
    label: PostLabelValueSchema,
  })
  .openapi('PostLabelRequest');

const LabelSchema = z
  .object({
    key: z.string().max(300).describe('`source#authorId`'),
    postId: z.string().max(300),
    label: PostLabelValueSchema,
    by: z.string().max(300).describe('`group:name` of the person who labelled it'),
    at: z.string().max(40).describe('ISO 8601 date-time'),
  })
  .openapi('PostLabel');

/**
 * Post-level feedback: a marketer (from a review card) or a salesperson (from a lead's detail)
 * says whether one post is a buying signal. The label records the caller's group and name.
 */
export function labelRoutes(deps: RouteDeps) {
  const { app, route } = apiRouter(deps.identify);

  route(
    {
      method: 'post',
      path: '/{source}/{authorId}/post-labels',
      operationId: 'labelPost',
      tag: 'leads',
      summary: "Mark one of the lead's posts a buying signal or not (training feedback, with who and when)",
      description:
        'A later label on the same post replaces the earlier one. It changes neither the lead’s state nor its score.',
      owners: ['marketer', 'sales'],
      params: LeadParams,
      body: LabelBody,
      responses: { 200: { description: 'Stored', schema: z.object({ label: LabelSchema }) } },
      errors: [404, 413],
    },
    async (c, { params, body }) => {
      const who = identityOf(deps.identify, c);
      const actor = { type: who.roles.includes('marketer') ? 'marketer' : 'sales', id: who.id } as const;
      return c.json({ label: await labelPost(deps, { key: leadKey(params), ...body, actor }) });
    },
  );

  route(
    {
      method: 'get',
      path: '/{source}/{authorId}/post-labels',
      operationId: 'listPostLabels',
      tag: 'leads',
      summary: "The labels people gave on this lead's posts",
      owners: ['marketer', 'sales'],
      params: LeadParams,
      responses: { 200: { description: 'The labels', schema: z.object({ labels: z.array(LabelSchema) }) } },
    },
    async (c, { params }) => c.json({ labels: await leadLabels(deps, leadKey(params)) }),
  );
  return app;
}
