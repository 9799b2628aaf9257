import * as z from 'zod';
import { EngagementTaskSchema, TaskStatusSchema } from '../../../shared/domain/engagement-task.ts';
import { approveTask, editTaskDraft } from '../../../shared/use-cases/approve-task.ts';
import { identityOf } from '../auth.ts';
import { CursorParam, leadKey, leadParams, parse, type RouteDeps } from '../http.ts';
import { apiRouter } from '../openapi.ts';
import { Task, TaskPageSchema } from '../schemas.ts';

const TaskQuery = z.object({
  status: TaskStatusSchema.default('drafted'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: CursorParam,
});
const TaskParams = leadParams({ taskId: EngagementTaskSchema.shape.id });

/** The marketer's final text; X's weighted limit (280) is checked by the use case with a clear message. */
const TextBody = z.object({ text: z.string().trim().min(1).max(1_000) });
const ApproveBody = z.object({ text: z.string().trim().min(1).max(1_000).optional() });

/**
 * Drafted engagement waits here for a person, who may edit the text; approving sends it to the
 * worker, and the approved text is exactly what is posted. Marketers own every route.
 */
export function taskRoutes(deps: RouteDeps) {
  const { app, route } = apiRouter(deps.identify);
  route(
    {
      method: 'get',
      path: '/',
      operationId: 'listTasks',
      tag: 'tasks',
      summary: 'Engagement tasks in one status (drafts waiting for approval by default)',
      owners: ['marketer'],
      query: TaskQuery,
      responses: { 200: { description: 'A page of tasks', schema: TaskPageSchema } },
    },
    async (c, { query: q }) => {
      const purpose = `tasks:${q.status}`;
      const page = await deps.tasks.listTasks(q.status, q.limit, deps.cursors.open(purpose, q.cursor));
      return c.json({ ...page, nextCursor: deps.cursors.seal(purpose, page.nextCursor) });
    },
  );
  route(
    {
      method: 'put',
      path: '/{source}/{authorId}/{taskId}/draft',
      operationId: 'editTaskDraft',
      tag: 'tasks',
      summary: "Edit a draft's text before approving it",
      owners: ['marketer'],
      params: TaskParams,
      body: TextBody,
      responses: { 200: { description: 'The task with its new draft', schema: Task } },
      errors: [404, 409, 413, 422],
    },
    async (c, { params, body }) =>
      c.json(
        await editTaskDraft(deps, {
          prospectKey: leadKey(params),
          taskId: params.taskId,
          text: body.text,
          editor: identityOf(deps.identify, c).id,
        }),
      ),
  );
  route(
    {
      method: 'post',
      path: '/{source}/{authorId}/{taskId}/approve',
      operationId: 'approveTask',
      tag: 'tasks',
      summary: 'Approve a task (optionally with final text); the worker then executes it',
      description: 'An empty body approves the stored draft as it is.',
      owners: ['marketer'],
      params: TaskParams,
      body: ApproveBody,
      bodyReadByHandler: true,
      responses: { 200: { description: 'Approved', schema: z.object({ approved: z.literal(true) }) } },
      errors: [404, 409, 413, 422],
    },
    async (c, { params }) => {
      // An empty body approves the stored draft as it is.
      const raw = c.req.header('content-length') === '0' ? {} : await c.req.json().catch(() => ({}));
      const body = parse(ApproveBody, raw);
      await approveTask(
        { ...deps, ...(deps.maxJitterSeconds ? { maxJitterSeconds: deps.maxJitterSeconds } : {}) },
        {
          prospectKey: leadKey(params),
          taskId: params.taskId,
          approver: identityOf(deps.identify, c).id,
          ...(body.text ? { text: body.text } : {}),
        },
      );
      return c.json({ approved: true });
    },
  );
  return app;
}
