import * as z from 'zod';
import { DimensionSchema } from '../../../shared/domain/funnel.ts';
import { publishFeedbackCodes } from '../../../shared/use-cases/publish-feedback-codes.ts';
import { codesInForce } from '../../../shared/use-cases/record-sales-decision.ts';
import { reportFunnel } from '../../../shared/use-cases/report-funnel.ts';
import { OBJECTION_GROUPINGS, reportObjections } from '../../../shared/use-cases/report-objections.ts';
import { suggestNurture } from '../../../shared/use-cases/suggest-nurture.ts';
import { listWonCustomers } from '../../../shared/use-cases/won-customers.ts';
import { ANY_ROLE, identityOf } from '../auth.ts';
import type { ApiDeps } from '../http.ts';
import { apiRouter } from '../openapi.ts';
import { looseObject } from '../schemas.ts';

const since = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((s) => new Date(s).toISOString())
  .optional()
  .describe('Only what happened from this date or time on');
const FunnelQuery = z.strictObject({ by: DimensionSchema.default('source'), since });
const ObjectionsQuery = z.strictObject({ by: z.enum(OBJECTION_GROUPINGS).default('campaign'), since });
const WindowQuery = z.strictObject({ since });
const CodesBody = z.strictObject({
  codes: z
    .unknown()
    .describe('The full list of reason codes (checked by the use case: 422 naming the entry)'),
  note: z.string().trim().min(3).max(500),
  /** The version the admin edited (0 for the shipped seed), so nobody overwrites a colleague. */
  basedOn: z.number().int().nonnegative(),
});

const Codes = looseObject('FeedbackCodes', 'The reason codes in force, with their version');

/** The way back from sales: reports everyone reads, and the reason codes admins edit. */
export function salesRoutes(deps: ApiDeps) {
  const { app, route } = apiRouter(deps.identify);
  const report = (name: string, description: string) => ({
    200: { description, schema: looseObject(name, description) },
  });

  route(
    {
      method: 'get',
      path: '/reports/funnel',
      operationId: 'reportFunnel',
      tag: 'reports',
      summary: 'Conversion and velocity per source, campaign or definition version',
      owners: ANY_ROLE,
      query: FunnelQuery,
      responses: report('FunnelReport', 'Stage counts, conversion and velocity per group'),
    },
    async (c, { query: q }) => c.json(await reportFunnel(deps, q.by, { since: q.since })),
  );
  route(
    {
      method: 'get',
      path: '/reports/objections',
      operationId: 'reportObjections',
      tag: 'reports',
      summary: 'What sales heard: rejection and loss reasons and objections, grouped',
      owners: ANY_ROLE,
      query: ObjectionsQuery,
      responses: report('ObjectionsReport', 'Reasons and objections per group, with notes'),
    },
    // Notes are what sales heard in calls: for the people working the leads, every signed-in group.
    async (c, { query: q }) =>
      c.json(await reportObjections(deps, { by: q.by, since: q.since, includeNotes: true })),
  );
  route(
    {
      method: 'get',
      path: '/reports/suggestions',
      operationId: 'suggestNurture',
      tag: 'reports',
      summary: 'Suggested changes to nurture rules from what sales rejected',
      owners: ANY_ROLE,
      query: WindowQuery,
      responses: report('NurtureSuggestions', 'Suggestions with the evidence behind each'),
    },
    async (c, { query: q }) => c.json(await suggestNurture(deps, { since: q.since })),
  );
  route(
    {
      method: 'get',
      path: '/won',
      operationId: 'listWonCustomers',
      tag: 'reports',
      summary: 'Customers won from social leads',
      owners: ANY_ROLE,
      query: WindowQuery,
      responses: report('WonCustomers', 'Won customers with their deals and where they came from'),
    },
    async (c, { query: q }) => c.json(await listWonCustomers(deps, { since: q.since })),
  );
  route(
    {
      method: 'get',
      path: '/codes',
      operationId: 'getFeedbackCodes',
      tag: 'codes',
      summary: 'The reason codes in force',
      owners: ANY_ROLE,
      responses: { 200: { description: 'The codes', schema: Codes } },
    },
    async (c) => c.json(await codesInForce(deps.codes)),
  );
  route(
    {
      method: 'post',
      path: '/codes',
      operationId: 'publishFeedbackCodes',
      tag: 'codes',
      summary: 'Publish a new list of reason codes',
      owners: ['admin'],
      body: CodesBody,
      responses: { 201: { description: 'Published', schema: Codes } },
      errors: [409, 422],
    },
    async (c, { body }) => {
      const published = await publishFeedbackCodes(deps, {
        document: { codes: body.codes },
        author: identityOf(deps.identify, c).id,
        note: body.note,
        basedOn: body.basedOn,
      });
      return c.json(published, 201);
    },
  );
  return app;
}
