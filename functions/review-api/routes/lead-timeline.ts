import { Hono } from 'hono';
import { leadTimeline } from '../../../shared/use-cases/lead-timeline.ts';
import { ANY_ROLE, requireRole } from '../auth.ts';
import { type RouteDeps, routeKey } from '../http.ts';

/** GET /api/leads/{source}/{authorId}/timeline: the lead page's story (any signed-in group). */
export function leadTimelineRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  app.get('/:source/:authorId/timeline', requireRole(deps.identify, ...ANY_ROLE), async (c) =>
    c.json(await leadTimeline(deps, routeKey(c))),
  );
  return app;
}
