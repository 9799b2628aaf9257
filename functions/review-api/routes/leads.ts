import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { POST_ID_PATTERN } from '../../../shared/domain/author-id.ts';
import { CrmFormatSchema } from '../../../shared/domain/crm-row.ts';
import { EngagementSchema } from '../../../shared/domain/engagement.ts';
import { freeText } from '../../../shared/domain/free-text.ts';
import { groupOwning, LeadStateListSchema, LeadStateSchema } from '../../../shared/domain/lead-state.ts';
import { SalesDecisionSchema } from '../../../shared/domain/sales-decision.ts';
import { erasePerson } from '../../../shared/use-cases/erase-person.ts';
import { exportChangedLeads, exportLeads } from '../../../shared/use-cases/export-leads.ts';
import { recordEngagement, setOptOut } from '../../../shared/use-cases/record-prospect-feedback.ts';
import { recordSalesDecision } from '../../../shared/use-cases/record-sales-decision.ts';
import { reviewCards } from '../../../shared/use-cases/review-cards.ts';
import { decideLead, leadDetail, listLeads } from '../../../shared/use-cases/review-prospect.ts';
import { ANY_ROLE, actorFor, identityOf, requireRole } from '../auth.ts';
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
/** A marketer's decision on a lead in review; sales decisions take SalesDecisionSchema. */
const ReviewDecisionBody = z.strictObject({
  to: z.enum(['mql', 'nurture', 'disqualified', 'review']),
  reason: freeText(3, 500),
  revision: z.number().int().nonnegative().optional(),
});
const DecisionTarget = z.object({ to: LeadStateSchema });
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
export function leadRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  const anyone = requireRole(deps.identify, ...ANY_ROLE);
  const crm = requireRole(deps.identify, 'sales', 'admin');

  app.get('/', anyone, async (c) => {
    const q = parse(ListQuery, c.req.query());
    const purpose = `leads:${q.state}`;
    const page = await reviewCards(
      deps,
      await listLeads(deps, q.state, q.limit, deps.cursors.open(purpose, q.cursor)),
    );
    return c.json({ ...page, nextCursor: deps.cursors.seal(purpose, page.nextCursor) });
  });

  app.get('/export.csv', crm, async (c) => {
    const { state, format } = parse(ExportQuery, c.req.query());
    const { csv } = await exportLeads(deps, state, format);
    return c.body(csv, 200, { ...CSV_HEADERS, 'content-disposition': 'attachment; filename="leads.csv"' });
  });

  // The CRM's pull: changes since its watermark; it keeps x-next-since (and follows x-next-cursor).
  app.get('/changes.csv', crm, async (c) => {
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

  app.get('/:source/:authorId', anyone, async (c) => c.json(await leadDetail(deps, routeKey(c))));

  // Marketers judge review; sales judges MQLs. The caller's group must own the move asked for.
  app.post('/:source/:authorId/decision', async (c) => {
    identityOf(deps.identify, c);
    const body = await jsonBody(c);
    const { to } = parse(DecisionTarget, body);
    const owner = groupOwning(to);
    const actor = actorFor(deps.identify, c, owner);
    if (owner === 'sales') {
      const decision = parse(SalesDecisionSchema, body);
      return c.json({ lead: await recordSalesDecision(deps, { key: routeKey(c), decision, actor }) });
    }
    const input = parse(ReviewDecisionBody, body);
    return c.json({
      lead: await decideLead(deps, {
        key: routeKey(c),
        to: input.to,
        reason: input.reason,
        actor,
        revision: input.revision,
      }),
    });
  });

  app.post('/:source/:authorId/engagement', requireRole(deps.identify, 'marketer'), async (c) => {
    const key = routeKey(c);
    const body = parse(EngagementBody, await jsonBody(c));
    if (((await deps.leads.getLead(key))?.engagement.length ?? 0) >= MAX_ENGAGEMENTS)
      throw new HTTPException(409, {
        message: `engagement: this lead already has ${MAX_ENGAGEMENTS} recorded`,
      });
    await recordEngagement(deps, key, body);
    return c.json({ recorded: true }, 202);
  });

  app.post('/:source/:authorId/opt-out', anyone, async (c) => {
    const { optedOut } = parse(OptOutBody, await jsonBody(c));
    return c.json(await setOptOut(deps, routeKey(c), optedOut));
  });

  app.post('/:source/:authorId/erase', requireRole(deps.identify, 'admin'), async (c) => {
    const { reason } = parse(EraseBody, await jsonBody(c));
    return c.json(
      await erasePerson(deps, routeKey(c), { requestedBy: identityOf(deps.identify, c).id, reason }),
    );
  });

  return app;
}
