import { leadTimeline } from '../../../shared/use-cases/lead-timeline.ts';
import { ANY_ROLE } from '../auth.ts';
import { LeadParams, leadKey, type RouteDeps } from '../http.ts';
import { apiRouter } from '../openapi.ts';
import { LeadTimelineSchema } from '../schemas.ts';

/** GET /api/leads/{source}/{authorId}/timeline: the lead page's story (any signed-in group). */
export function leadTimelineRoutes(deps: RouteDeps) {
  const { app, route } = apiRouter(deps.identify);
  route(
    {
      method: 'get',
      path: '/{source}/{authorId}/timeline',
      operationId: 'getLeadTimeline',
      tag: 'leads',
      summary:
        "A lead's story oldest first: posts, score moves, decisions, engagement tasks, and what is not stored",
      owners: ANY_ROLE,
      params: LeadParams,
      responses: { 200: { description: 'The timeline', schema: LeadTimelineSchema } },
      errors: [404],
    },
    async (c, { params }) => c.json(await leadTimeline(deps, leadKey(params))),
  );
  return app;
}
