import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { POST_ID_PATTERN } from '../../../shared/domain/author-id.ts';
import { CrmFormatSchema } from '../../../shared/domain/crm-row.ts';
import { EngagementSchema } from '../../../shared/domain/engagement.ts';
import { freeText } from '../../../shared/domain/free-text.ts';
import { groupOwning, LeadStateListSchema, LeadStateSchema } from '../../../shared/domain/lead-state.ts';
import { SourceSchema } from '../../../shared/domain/post.ts';
import { SalesDecisionSchema } from '../../../shared/domain/sales-decision.ts';
import { erasePerson } from '../../../shared/use-cases/erase-person.ts';
import { exportChangedLeads, exportLeads } from '../../../shared/use-cases/export-leads.ts';
import { recordEngagement, setOptOut } from '../../../shared/use-cases/record-prospect-feedback.ts';
import { recordSalesDecision } from '../../../shared/use-cases/record-sales-decision.ts';
import { reviewCards } from '../../../shared/use-cases/review-cards.ts';
import {
  countLeadsByState,
  decideLead,
  leadDetail,
  listLeads,
} from '../../../shared/use-cases/review-prospect.ts';
import { ANY_ROLE, actorFor, identityOf } from '../auth.ts';
import { CursorParam, jsonBody, LeadParams, leadKey, parse, type RouteDeps } from '../http.ts';
import { apiRouter } from '../openapi.ts';
import { CsvSchema, LeadAnswerSchema, LeadDetailSchema, LeadPageSchema, looseObject } from '../schemas.ts';

const Score = z.coerce.number().min(0).max(1_000_000);
/**
 * The queue: one state, highest score first (`sort=score`, the score index's order) or latest
 * evidence first (`sort=newest`, the newest-first index), narrowed by
 * campaign, source and an inclusive score range. A filtered page may be short while `nextCursor`
 * is set: follow it.
 */
const ListQuery = z
  .object({
    state: LeadStateSchema.default('review'),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: CursorParam,
    campaign: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'expected a campaign id (letters, digits, _ . : -)')
      .optional(),
    source: SourceSchema.optional(),
    minScore: Score.optional(),
    maxScore: Score.optional(),
    sort: z
      .enum(['score', 'newest'])
      .default('score')
      .describe('`score`: highest score first; `newest`: the lead whose latest post was recorded last first'),
  })
  .superRefine((q, ctx) => {
    if (q.minScore !== undefined && q.maxScore !== undefined && q.minScore > q.maxScore)
      ctx.addIssue({ code: 'custom', path: ['maxScore'], message: 'must be at least minScore' });
  });
const CountsSchema = z
  .object({ counts: z.record(LeadStateSchema, z.number().int().nonnegative()) })
  .openapi('LeadCounts');
const ExportQuery = z.object({
  state: LeadStateSchema.default('mql'),
  format: CrmFormatSchema.default('generic'),
});
/** `states` is a comma-separated list; `since` defaults to 30 days ago (a first pull). */
const ChangesQuery = z.object({
  since: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s).toISOString())
    .optional(),
  cursor: CursorParam,
  states: LeadStateListSchema.default(['mql']),
  format: CrmFormatSchema.default('generic'),
  limit: z.coerce.number().int().min(1).max(10_000).default(5_000),
});
const CSV_HEADERS = { 'content-type': 'text/csv; charset=utf-8' } as const;
/** A marketer's decision on a lead in review; sales decisions take SalesDecisionSchema. */
const ReviewDecisionBody = z.strictObject({
  to: z.enum(['mql', 'nurture', 'disqualified', 'review']),
  reason: freeText(3, 500),
  revision: z.number().int().nonnegative().optional(),
});
const DecisionTarget = z.object({ to: LeadStateSchema });
/** What the document shows for a decision: a marketer's review move or a salesperson's. */
const DecisionBody = z.union([ReviewDecisionBody, SalesDecisionSchema]);
const EngagementBody = z.strictObject({
  kind: EngagementSchema.shape.kind,
  at: EngagementSchema.shape.at.optional(),
  postId: z.string().regex(POST_ID_PATTERN, 'expected a post id (letters, digits, : _ . / -)').optional(),
});
/** A lead's engagement list lives in its item: it may not grow without end. */
const MAX_ENGAGEMENTS = 100;
const OptOutBody = z.strictObject({ optedOut: z.boolean() });
/** The request reference (ticket, email date) an auditor can follow; kept in the erasure audit trail. */
const EraseBody = z.strictObject({ reason: freeText(3, 200) });

/** The review queue, a lead's detail and audit trail, decisions with reasons, and the CRM export. */
export function leadRoutes(deps: RouteDeps) {
  const { app, route } = apiRouter(deps.identify);
  const crm = ['sales', 'admin'] as const;
  const csv = (description: string) => ({ description, schema: CsvSchema, contentType: 'text/csv' });

  route(
    {
      method: 'get',
      path: '/',
      operationId: 'listLeads',
      tag: 'leads',
      summary: 'Leads in one state, a page at a time (the review queue by default)',
      owners: ANY_ROLE,
      query: ListQuery,
      description:
        'Each lead comes as a review card: the post that scored most (`scoringPost`, with the matched phrases and competitor names to highlight) and the breakdown in words (`why`).',
      responses: { 200: { description: 'A page of leads', schema: LeadPageSchema } },
    },
    async (c, { query: q }) => {
      const filter = {
        campaign: q.campaign,
        source: q.source,
        minScore: q.minScore,
        maxScore: q.maxScore,
        ...(q.sort === 'newest' ? { order: 'newest' as const } : {}),
      };
      // A cursor pages the list it came from: same state, same filters, same order.
      const narrowed = Object.values(filter).some((v) => v !== undefined);
      const purpose = narrowed ? `leads:${q.state}:${JSON.stringify(filter)}` : `leads:${q.state}`;
      const page = await reviewCards(
        deps,
        await listLeads(deps, q.state, q.limit, deps.cursors.open(purpose, q.cursor), filter),
      );
      return c.json({ ...page, nextCursor: deps.cursors.seal(purpose, page.nextCursor) });
    },
  );

  route(
    {
      method: 'get',
      path: '/counts',
      operationId: 'countLeads',
      tag: 'leads',
      summary: 'How many leads wait in each state',
      owners: ANY_ROLE,
      responses: { 200: { description: 'A count per state (0 when none)', schema: CountsSchema } },
    },
    async (c) => c.json({ counts: await countLeadsByState(deps) }),
  );

  route(
    {
      method: 'get',
      path: '/export.csv',
      operationId: 'exportLeads',
      tag: 'leads',
      summary: 'Every lead in one state as CRM rows',
      owners: crm,
      query: ExportQuery,
      responses: { 200: csv('The leads, one row each, in the chosen column map') },
    },
    async (c, { query }) => {
      const { csv } = await exportLeads(deps, query.state, query.format);
      return c.body(csv, 200, { ...CSV_HEADERS, 'content-disposition': 'attachment; filename="leads.csv"' });
    },
  );

  // The CRM's pull: changes since its watermark; it keeps x-next-since (and follows x-next-cursor).
  route(
    {
      method: 'get',
      path: '/changes.csv',
      operationId: 'pullLeadChanges',
      tag: 'leads',
      summary: "Leads changed since the CRM's watermark",
      description: 'Keep `x-next-since` for the next pull; while `x-next-cursor` is set, follow it first.',
      owners: crm,
      query: ChangesQuery,
      responses: {
        200: {
          ...csv('The changed leads'),
          headers: {
            'x-row-count': { description: 'Rows in this answer', schema: { type: 'string' } },
            'x-next-since': { description: 'The next watermark', schema: { type: 'string' } },
            'x-next-cursor': { description: 'More rows in this window', schema: { type: 'string' } },
          },
        },
      },
    },
    async (c, { query: q }) => {
      const out = await exportChangedLeads(deps, {
        since: q.since,
        cursor: deps.cursors.open('changes', q.cursor),
        states: q.states,
        format: q.format,
        maxRows: q.limit,
      });
      return c.body(out.csv, 200, {
        ...CSV_HEADERS,
        'x-row-count': String(out.count),
        'x-next-since': out.next.since,
        ...(out.next.cursor ? { 'x-next-cursor': deps.cursors.seal('changes', out.next.cursor)! } : {}),
      });
    },
  );

  route(
    {
      method: 'get',
      path: '/{source}/{authorId}',
      operationId: 'getLead',
      tag: 'leads',
      summary: 'A lead with its events, live signals and engagement tasks',
      owners: ANY_ROLE,
      params: LeadParams,
      responses: { 200: { description: 'The lead and its story', schema: LeadDetailSchema } },
      errors: [404],
    },
    async (c, { params }) => c.json(await leadDetail(deps, leadKey(params))),
  );

  // Marketers judge review; sales judges MQLs. The caller's group must own the move asked for.
  route(
    {
      method: 'post',
      path: '/{source}/{authorId}/decision',
      operationId: 'decideLead',
      tag: 'leads',
      summary: 'Move a lead, with a reason',
      description:
        'Marketers move leads in review (to mql, nurture, disqualified, review); sales decides on MQLs (accepted, rejected, won, lost). The target decides which group owns the call.',
      owners: ['marketer', 'sales'],
      ownerCheckedByHandler: true,
      params: LeadParams,
      body: DecisionBody,
      bodyReadByHandler: true,
      responses: { 200: { description: 'The lead after the move', schema: LeadAnswerSchema } },
      errors: [404, 409],
    },
    async (c, { params }) => {
      const body = await jsonBody(c);
      const { to } = parse(DecisionTarget, body);
      const owner = groupOwning(to);
      const actor = actorFor(deps.identify, c, owner);
      if (owner === 'sales') {
        const decision = parse(SalesDecisionSchema, body);
        return c.json({ lead: await recordSalesDecision(deps, { key: leadKey(params), decision, actor }) });
      }
      const input = parse(ReviewDecisionBody, body);
      return c.json({
        lead: await decideLead(deps, {
          key: leadKey(params),
          to: input.to,
          reason: input.reason,
          actor,
          revision: input.revision,
        }),
      });
    },
  );

  route(
    {
      method: 'post',
      path: '/{source}/{authorId}/engagement',
      operationId: 'recordEngagement',
      tag: 'leads',
      summary: 'Record that the prospect engaged (replied, followed back, mentioned us)',
      owners: ['marketer'],
      params: LeadParams,
      body: EngagementBody,
      responses: {
        202: {
          description: 'Recorded; the lead is re-scored',
          schema: z.object({ recorded: z.literal(true) }),
        },
      },
      errors: [404, 409],
    },
    async (c, { params, body }) => {
      const key = leadKey(params);
      if (((await deps.leads.getLead(key))?.engagement.length ?? 0) >= MAX_ENGAGEMENTS)
        throw new HTTPException(409, {
          message: `engagement: this lead already has ${MAX_ENGAGEMENTS} recorded`,
        });
      await recordEngagement(deps, key, body);
      return c.json({ recorded: true }, 202);
    },
  );

  route(
    {
      method: 'post',
      path: '/{source}/{authorId}/opt-out',
      operationId: 'setOptOut',
      tag: 'leads',
      summary: 'Record (or withdraw) an opt-out; open tasks are cancelled',
      owners: ANY_ROLE,
      params: LeadParams,
      body: OptOutBody,
      responses: {
        200: {
          description: 'Recorded',
          schema: z.object({
            tasksCancelled: z.number().int().describe('Drafted or approved tasks skipped'),
          }),
        },
      },
      errors: [404],
    },
    async (c, { params, body }) => c.json(await setOptOut(deps, leadKey(params), body.optedOut)),
  );

  route(
    {
      method: 'post',
      path: '/{source}/{authorId}/erase',
      operationId: 'erasePerson',
      tag: 'leads',
      summary: 'Erase everything about one person (privacy request) and report what was removed',
      owners: ['admin'],
      params: LeadParams,
      body: EraseBody,
      responses: {
        200: {
          description: 'What was erased',
          schema: looseObject('ErasureReport', 'What was erased, by kind'),
        },
      },
    },
    async (c, { params, body }) =>
      c.json(
        await erasePerson(deps, leadKey(params), {
          requestedBy: identityOf(deps.identify, c).id,
          reason: body.reason,
        }),
      ),
  );

  return app;
}
