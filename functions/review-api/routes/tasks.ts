import { Hono } from 'hono';
import * as z from 'zod';
import { TaskStatusSchema } from '../../../shared/domain/engagement-task.ts';
import { approveTask } from '../../../shared/use-cases/approve-task.ts';
import { identityOf, requireRole } from '../auth.ts';
import { type ApiDeps, parse, routeKey } from '../http.ts';

const TaskQuery = z.object({
  status: TaskStatusSchema.default('drafted'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().optional(),
});

/** Drafted engagement waits here for a person; approving sends it to the worker. */
export function taskRoutes(deps: ApiDeps): Hono {
  const app = new Hono();
  const marketer = requireRole(deps.identify, 'marketer');
  app.get('/', marketer, async (c) => {
    const q = parse(TaskQuery, c.req.query());
    return c.json(await deps.tasks.listTasks(q.status, q.limit, q.cursor));
  });
  app.post('/:source/:authorId/:taskId/approve', marketer, async (c) => {
    await approveTask(deps, {
      prospectKey: routeKey(c),
      taskId: c.req.param('taskId'),
      approver: identityOf(deps.identify, c).id,
    });
    return c.json({ approved: true });
  });
  return app;
}
