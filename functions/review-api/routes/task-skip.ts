import * as z from 'zod';
import { EngagementTaskSchema } from '../../../shared/domain/engagement-task.ts';
import { skipTask } from '../../../shared/use-cases/skip-task.ts';
import { identityOf } from '../auth.ts';
import { leadKey, leadParams, type RouteDeps } from '../http.ts';
import { apiRouter } from '../openapi.ts';

const TaskParams = leadParams({ taskId: EngagementTaskSchema.shape.id });

/** POST /api/tasks/{source}/{authorId}/{taskId}/skip: a marketer drops a draft; nothing is sent. */
export function taskSkipRoutes(deps: RouteDeps) {
  const { app, route } = apiRouter(deps.identify);
  route(
    {
      method: 'post',
      path: '/{source}/{authorId}/{taskId}/skip',
      operationId: 'skipTask',
      tag: 'tasks',
      summary: 'Skip a drafted task: it ends as skipped and nothing is sent',
      description: 'The body is ignored (send `{}`).',
      owners: ['marketer'],
      params: TaskParams,
      responses: { 200: { description: 'Skipped', schema: z.object({ skipped: z.literal(true) }) } },
      errors: [404, 409],
    },
    async (c, { params }) => {
      await skipTask(deps, {
        prospectKey: leadKey(params),
        taskId: params.taskId,
        by: identityOf(deps.identify, c).id,
      });
      return c.json({ skipped: true as const });
    },
  );
  return app;
}
