import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { EngagementTaskSchema } from '../../../shared/domain/engagement-task.ts';
import { skipTask } from '../../../shared/use-cases/skip-task.ts';
import { identityOf } from '../auth.ts';
import { parse, type RouteDeps, routeKey } from '../http.ts';

const TaskParam = z.object({ taskId: EngagementTaskSchema.shape.id });

/** POST /api/tasks/{source}/{authorId}/{taskId}/skip: a marketer drops a draft; nothing is sent. */
export function taskSkipRoutes(deps: RouteDeps, guards: { marketer: MiddlewareHandler }): Hono {
  const app = new Hono();
  app.post('/:source/:authorId/:taskId/skip', guards.marketer, async (c) => {
    await skipTask(deps, {
      prospectKey: routeKey(c),
      taskId: parse(TaskParam, { taskId: c.req.param('taskId') }).taskId,
      by: identityOf(deps.identify, c).id,
    });
    return c.json({ skipped: true });
  });
  return app;
}
