import { Hono } from 'hono';
import * as z from 'zod';
import { DimensionSchema } from '../../../shared/domain/funnel.ts';
import { publishFeedbackCodes } from '../../../shared/use-cases/publish-feedback-codes.ts';
import { codesInForce } from '../../../shared/use-cases/record-sales-decision.ts';
import { reportFunnel } from '../../../shared/use-cases/report-funnel.ts';
import { OBJECTION_GROUPINGS, reportObjections } from '../../../shared/use-cases/report-objections.ts';
import { suggestNurture } from '../../../shared/use-cases/suggest-nurture.ts';
import { listWonCustomers } from '../../../shared/use-cases/won-customers.ts';
import { ANY_ROLE, identityOf, requireRole } from '../auth.ts';
import { type ApiDeps, jsonBody, parse } from '../http.ts';

const since = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((s) => new Date(s).toISOString())
  .optional();
const FunnelQuery = z.strictObject({ by: DimensionSchema.default('source'), since });
const ObjectionsQuery = z.strictObject({ by: z.enum(OBJECTION_GROUPINGS).default('campaign'), since });
const WindowQuery = z.strictObject({ since });
const CodesBody = z.strictObject({
  codes: z.unknown(),
  note: z.string().trim().min(3).max(500),
  /** The version the admin edited (0 for the shipped seed), so nobody overwrites a colleague. */
  basedOn: z.number().int().nonnegative(),
});

/** The way back from sales: reports everyone reads, and the reason codes admins edit. */
export function salesRoutes(deps: ApiDeps): Hono {
  const app = new Hono();
  const anyone = requireRole(deps.identify, ...ANY_ROLE);

  app.get('/reports/funnel', anyone, async (c) => {
    const q = parse(FunnelQuery, c.req.query());
    return c.json(await reportFunnel(deps, q.by, { since: q.since }));
  });
  app.get('/reports/objections', anyone, async (c) => {
    const q = parse(ObjectionsQuery, c.req.query());
    // Notes are what sales heard in calls: for the people working the leads, every signed-in group.
    return c.json(await reportObjections(deps, { by: q.by, since: q.since, includeNotes: true }));
  });
  app.get('/reports/suggestions', anyone, async (c) => {
    const q = parse(WindowQuery, c.req.query());
    return c.json(await suggestNurture(deps, { since: q.since }));
  });
  app.get('/won', anyone, async (c) => {
    const q = parse(WindowQuery, c.req.query());
    return c.json(await listWonCustomers(deps, { since: q.since }));
  });
  app.get('/codes', anyone, async (c) => c.json(await codesInForce(deps.codes)));
  app.post('/codes', requireRole(deps.identify, 'admin'), async (c) => {
    const body = parse(CodesBody, await jsonBody(c));
    const published = await publishFeedbackCodes(deps, {
      document: { codes: body.codes },
      author: identityOf(deps.identify, c).id,
      note: body.note,
      basedOn: body.basedOn,
    });
    return c.json(published, 201);
  });
  return app;
}
