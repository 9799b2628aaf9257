import { Hono } from 'hono';
import * as z from 'zod';
import { EngagementTaskSchema, TaskStatusSchema } from '../../../shared/domain/engagement-task.ts';
import { approveTask } from '../../../shared/use-cases/approve-task.ts';
import { identityOf, requireRole } from '../auth.ts';
import { CursorParam, parse, type RouteDeps, routeKey } from '../http.ts';

const TaskQuery = z.object({
  status: TaskStatusSchema.default('drafted'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: CursorParam,
});
const TaskParam = z.object({ taskId: EngagementTaskSchema.shape.id });

/** Drafted engagement waits here for a person; approving sends it to the worker. */
export function taskRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  const marketer = requireRole(deps.identify, 'marketer');
  app.get('/', marketer, async (c) => {
    const q = parse(TaskQuery, c.req.query());
    const purpose = `tasks:${q.status}`;
    const page = await deps.tasks.listTasks(q.status, q.limit, deps.cursors.open(purpose, q.cursor));
    return c.json({ ...page, nextCursor: deps.cursors.seal(purpose, page.nextCursor) });
  });
  app.post('/:source/:authorId/:taskId/approve', marketer, async (c) => {
    await approveTask(deps, {
      prospectKey: routeKey(c),
      taskId: parse(TaskParam, { taskId: c.req.param('taskId') }).taskId,
      approver: identityOf(deps.identify, c).id,
    });
    return c.json({ approved: true });
  });
  return app;
}
