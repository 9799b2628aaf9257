import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { EngagementTaskSchema, TaskStatusSchema } from '../../../shared/domain/engagement-task.ts';
import { approveTask, editTaskDraft } from '../../../shared/use-cases/approve-task.ts';
import { identityOf } from '../auth.ts';
import { CursorParam, jsonBody, parse, type RouteDeps, routeKey } from '../http.ts';

const TaskQuery = z.object({
  status: TaskStatusSchema.default('drafted'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: CursorParam,
});
const TaskParam = z.object({ taskId: EngagementTaskSchema.shape.id });

/** The marketer's final text; X's weighted limit (280) is checked by the use case with a clear message. */
const TextBody = z.object({ text: z.string().trim().min(1).max(1_000) });
const ApproveBody = z.object({ text: z.string().trim().min(1).max(1_000).optional() });

/**
 * Drafted engagement waits here for a person, who may edit the text; approving sends it to the
 * worker, and the approved text is exactly what is posted. `marketer` guards every route (the
 * app wires `requireRole(deps.identify, 'marketer')`).
 */
export function taskRoutes(deps: RouteDeps, guards: { marketer?: MiddlewareHandler } = {}): Hono {
  const app = new Hono();
  const marketer: MiddlewareHandler = guards.marketer ?? (async (_c, next) => next());
  app.get('/', marketer, async (c) => {
    const q = parse(TaskQuery, c.req.query());
    const purpose = `tasks:${q.status}`;
    const page = await deps.tasks.listTasks(q.status, q.limit, deps.cursors.open(purpose, q.cursor));
    return c.json({ ...page, nextCursor: deps.cursors.seal(purpose, page.nextCursor) });
  });
  app.put('/:source/:authorId/:taskId/draft', marketer, async (c) => {
    const body = parse(TextBody, await jsonBody(c));
    const task = await editTaskDraft(deps, {
      prospectKey: routeKey(c),
      taskId: parse(TaskParam, { taskId: c.req.param('taskId') }).taskId,
      text: body.text,
      editor: identityOf(deps.identify, c).id,
    });
    return c.json(task);
  });
  app.post('/:source/:authorId/:taskId/approve', marketer, async (c) => {
    // An empty body approves the stored draft as it is.
    const raw = c.req.header('content-length') === '0' ? {} : await c.req.json().catch(() => ({}));
    const body = parse(ApproveBody, raw);
    await approveTask(
      { ...deps, ...(deps.maxJitterSeconds ? { maxJitterSeconds: deps.maxJitterSeconds } : {}) },
      {
        prospectKey: routeKey(c),
        taskId: parse(TaskParam, { taskId: c.req.param('taskId') }).taskId,
        approver: identityOf(deps.identify, c).id,
        ...(body.text ? { text: body.text } : {}),
      },
    );
    return c.json({ approved: true });
  });
  return app;
}
