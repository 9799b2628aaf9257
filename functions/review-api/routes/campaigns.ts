import * as z from 'zod';
import { SourceSchema } from '../../../shared/domain/post.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import {
  type CampaignInput,
  checkCampaignQuery,
  listCampaignOverviews,
  saveCampaign,
  setCampaignActive,
} from '../../../shared/use-cases/manage-campaigns.ts';
import { identityOf } from '../auth.ts';
import type { RouteDeps } from '../http.ts';
import { apiRouter } from '../openapi.ts';
import { CampaignOverviewSchema, CampaignResponseSchema, QueryCheckSchema } from './campaign-schemas.ts';

/** Campaigns are run by marketing (marketing ops); admins may do anything. */
const OWNERS: Role[] = ['marketer', 'admin'];

const term = z.string().max(100);
const handles = z.array(z.string().max(20)).max(20).default([]);
/** The builder's fields, bounded here; their rules (a handle has no @) are the query builder's, as problems. */
const BuilderSchema = z
  .strictObject({
    all: z.array(term).max(50).default([]),
    any: z.array(term).max(50).default([]),
    phrases: z.array(term).max(50).default([]),
    exclude: z.array(term).max(50).default([]),
    lang: z.string().max(2).optional(),
    excludeRetweets: z.boolean().default(false),
    excludeReplies: z.boolean().default(false),
    from: handles,
    to: handles,
  })
  .openapi('QueryBuilder');

const QueryDraftSchema = z
  .union([
    z.strictObject({
      source: SourceSchema,
      query: z.string().max(1_000).describe('As the source writes it'),
    }),
    z.strictObject({ source: z.literal('x'), builder: BuilderSchema }),
  ])
  .openapi('QueryDraft');

const fields = {
  name: z.string().trim().min(1).max(100),
  product: z.string().trim().min(1).max(100),
  owner: z.string().trim().min(1).max(200).optional().describe('Default: the caller (on create)'),
  query: QueryDraftSchema,
  cadenceMinutes: z.number().int().min(5).max(1_440),
  monthlyPostBudget: z.number().int().positive().max(100_000_000).optional(),
  replyTemplate: z.string().max(280).optional(),
  contentLink: z.string().max(500).optional(),
};
const EditBody = z.strictObject(fields).openapi('CampaignEdit');
const CreateBody = z
  .strictObject({ id: z.string().min(2).max(63).describe('Lowercase letters, digits and dashes'), ...fields })
  .openapi('CampaignCreate');
const IdParams = z.object({ id: z.string().min(2).max(63) });

/** Campaigns: their queries, cadence, state, budget used and last runs; add, edit, pause, resume. */
export function campaignRoutes(deps: RouteDeps) {
  const { app, route } = apiRouter(deps.identify);
  route(
    {
      method: 'get',
      path: '/',
      operationId: 'listCampaigns',
      tag: 'campaigns',
      summary: 'Every campaign with its budget used this month and its last runs',
      owners: OWNERS,
      responses: { 200: { description: 'The campaigns', schema: z.array(CampaignOverviewSchema) } },
    },
    async (c) => c.json(await listCampaignOverviews(deps)),
  );
  route(
    {
      method: 'post',
      path: '/check-query',
      operationId: 'checkCampaignQuery',
      tag: 'campaigns',
      summary: 'Check a query with the validator, saving nothing: the page shows its messages as you type',
      owners: OWNERS,
      body: QueryDraftSchema,
      responses: {
        200: { description: 'The query it makes and what to fix (none: valid)', schema: QueryCheckSchema },
      },
    },
    async (c, { body }) => c.json(checkCampaignQuery(body)),
  );
  route(
    {
      method: 'post',
      path: '/',
      operationId: 'createCampaign',
      tag: 'campaigns',
      summary: 'Add a campaign (active at once); its query must pass the validator',
      owners: OWNERS,
      body: CreateBody,
      responses: { 201: { description: 'Added', schema: CampaignResponseSchema } },
      errors: [409, 422],
    },
    async (c, { body }) => {
      const actor = identityOf(deps.identify, c).id;
      return c.json(await saveCampaign(deps, body as CampaignInput, 'create', actor), 201);
    },
  );
  route(
    {
      method: 'put',
      path: '/{id}',
      operationId: 'editCampaign',
      tag: 'campaigns',
      summary: 'Change a campaign; its state and discovery cursor are kept',
      owners: OWNERS,
      params: IdParams,
      body: EditBody,
      responses: { 200: { description: 'Saved', schema: CampaignResponseSchema } },
      errors: [404, 422],
    },
    async (c, { params, body }) => {
      const actor = identityOf(deps.identify, c).id;
      return c.json(await saveCampaign(deps, { ...body, id: params.id } as CampaignInput, 'update', actor));
    },
  );
  for (const [action, active] of [
    ['pause', false],
    ['resume', true],
  ] as const) {
    route(
      {
        method: 'post',
        path: `/{id}/${action}`,
        operationId: `${action}Campaign`,
        tag: 'campaigns',
        summary: active ? 'Discover again, from where it stopped' : 'Stop discovering for this campaign',
        owners: OWNERS,
        params: IdParams,
        responses: { 200: { description: active ? 'Resumed' : 'Paused', schema: CampaignResponseSchema } },
        errors: [404],
      },
      async (c, { params }) => c.json(await setCampaignActive(deps, params.id, active)),
    );
  }
  return app;
}
