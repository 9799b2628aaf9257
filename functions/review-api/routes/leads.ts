import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { POST_ID_PATTERN } from '../../../shared/domain/author-id.ts';
import { CrmFormatSchema } from '../../../shared/domain/crm-row.ts';
import { EngagementSchema } from '../../../shared/domain/engagement.ts';
import { freeText } from '../../../shared/domain/free-text.ts';
import { type Actor, LeadStateListSchema, LeadStateSchema } from '../../../shared/domain/lead-state.ts';
import { erasePerson } from '../../../shared/use-cases/erase-person.ts';
import { exportChangedLeads, exportLeads } from '../../../shared/use-cases/export-leads.ts';
import { recordEngagement, setOptOut } from '../../../shared/use-cases/record-prospect-feedback.ts';
import { decideLead, leadDetail, listLeads } from '../../../shared/use-cases/review-prospect.ts';
import { CursorParam, jsonBody, parse, type RouteDeps, routeKey } from '../http.ts';

const ListQuery = z.object({
  state: LeadStateSchema.default('review'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: CursorParam,
});
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
const DecisionBody = z.strictObject({ to: LeadStateSchema, reason: freeText(3, 500) });
const EngagementBody = z.strictObject({
  kind: EngagementSchema.shape.kind,
  at: EngagementSchema.shape.at.optional(),
  postId: z.string().regex(POST_ID_PATTERN, 'expected a post id (letters, digits, : _ . / -)').optional(),
});
/** A lead's engagement list lives in its item: it may not grow without end. */
const MAX_ENGAGEMENTS = 100;
const OptOutBody = z.strictObject({ optedOut: z.boolean() });
/** The request reference (ticket, email date) an auditor can follow; not stored with the person. */
const EraseBody = z.strictObject({ reason: freeText(3, 200) });
const SALES_STATES = new Set(['accepted', 'rejected', 'won', 'lost']);

/** The review queue, a lead's detail and audit trail, decisions with reasons, and the CRM export. */
export function leadRoutes(deps: RouteDeps): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const q = parse(ListQuery, c.req.query());
    const purpose = `leads:${q.state}`;
    const page = await listLeads(deps, q.state, q.limit, deps.cursors.open(purpose, q.cursor));
    return c.json({ ...page, nextCursor: deps.cursors.seal(purpose, page.nextCursor) });
  });

  app.get('/export.csv', async (c) => {
    const { state, format } = parse(ExportQuery, c.req.query());
    const { csv } = await exportLeads(deps, state, format);
    return c.body(csv, 200, { ...CSV_HEADERS, 'content-disposition': 'attachment; filename="leads.csv"' });
  });

  // The CRM's pull: changes since its watermark; it keeps x-next-since (and follows x-next-cursor).
  app.get('/changes.csv', async (c) => {
    const q = parse(ChangesQuery, c.req.query());
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
  });

  app.get('/:source/:authorId', async (c) => c.json(await leadDetail(deps, routeKey(c))));

  app.post('/:source/:authorId/decision', async (c) => {
    const input = parse(DecisionBody, await jsonBody(c));
    const actor: Actor = { type: SALES_STATES.has(input.to) ? 'sales' : 'marketer', id: deps.userOf(c) };
    return c.json({
      lead: await decideLead(deps, { key: routeKey(c), to: input.to, reason: input.reason, actor }),
    });
  });

  app.post('/:source/:authorId/engagement', async (c) => {
    const key = routeKey(c);
    const body = parse(EngagementBody, await jsonBody(c));
    if (((await deps.leads.getLead(key))?.engagement.length ?? 0) >= MAX_ENGAGEMENTS)
      throw new HTTPException(409, {
        message: `engagement: this lead already has ${MAX_ENGAGEMENTS} recorded`,
      });
    await recordEngagement(deps, key, body);
    return c.json({ recorded: true }, 202);
  });

  app.post('/:source/:authorId/opt-out', async (c) => {
    const { optedOut } = parse(OptOutBody, await jsonBody(c));
    return c.json(await setOptOut(deps, routeKey(c), optedOut));
  });

  app.post('/:source/:authorId/erase', async (c) => {
    parse(EraseBody, await jsonBody(c));
    return c.json(await erasePerson(deps, routeKey(c), deps.userOf(c)));
  });

  return app;
}
