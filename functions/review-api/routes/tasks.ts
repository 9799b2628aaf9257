import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { TaskStatusSchema } from '../../../shared/domain/engagement-task.ts';
import { approveTask, editTaskDraft } from '../../../shared/use-cases/approve-task.ts';
import { type ApiDeps, jsonBody, parse, routeKey } from '../http.ts';

const TaskQuery = z.object({
  status: TaskStatusSchema.default('drafted'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().optional(),
});

/** The marketer's final text; X's weighted limit (280) is checked by the use case with a clear message. */
const TextBody = z.object({ text: z.string().trim().min(1).max(1_000) });
const ApproveBody = z.object({ text: z.string().trim().min(1).max(1_000).optional() });

/**
 * Drafted engagement waits here for a person, who may edit the text; approving sends it to the
 * worker, and the approved text is exactly what is posted. `marketer` guards the changes (the
 * lead wires the role check).
 */
export function taskRoutes(deps: ApiDeps, guards: { marketer?: MiddlewareHandler } = {}): Hono {
  const app = new Hono();
  const marketer: MiddlewareHandler = guards.marketer ?? (async (_c, next) => next());
  app.get('/', async (c) => {
    const q = parse(TaskQuery, c.req.query());
    return c.json(await deps.tasks.listTasks(q.status, q.limit, q.cursor));
  });
  app.put('/:source/:authorId/:taskId/draft', marketer, async (c) => {
    const body = parse(TextBody, await jsonBody(c));
    const task = await editTaskDraft(deps, {
      prospectKey: routeKey(c),
      taskId: c.req.param('taskId'),
      text: body.text,
      editor: deps.userOf(c),
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
        taskId: c.req.param('taskId'),
        approver: deps.userOf(c),
        ...(body.text ? { text: body.text } : {}),
      },
    );
    return c.json({ approved: true });
  });
  return app;
}
