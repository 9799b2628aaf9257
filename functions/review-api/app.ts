import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { InvalidCursorError } from '../../shared/adapters/dynamodb/table.ts';
import { TaskStatusSchema } from '../../shared/domain/engagement-task.ts';
import { type Actor, InvalidTransitionError, LeadStateSchema } from '../../shared/domain/lead-state.ts';
import { prospectKey } from '../../shared/domain/prospect.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { LeadStore } from '../../shared/ports/lead-store.ts';
import type { Log } from '../../shared/ports/log.ts';
import type { TaskQueue } from '../../shared/ports/task-queue.ts';
import type { TaskStore } from '../../shared/ports/task-store.ts';
import { approveTask, TaskNotFoundError, TaskStateError } from '../../shared/use-cases/approve-task.ts';
import { exportLeads } from '../../shared/use-cases/export-leads.ts';
import {
  decideLead,
  LeadNotFoundError,
  listLeads,
  StaleDecisionError,
} from '../../shared/use-cases/review-prospect.ts';
import { REVIEW_UI_HTML } from './ui.ts';

export interface ApiDeps {
  leads: LeadStore;
  tasks: TaskStore;
  queue: TaskQueue;
  clock: Clock;
  log: Log;
  /** Who is calling: the JWT subject on AWS, a local user name on a laptop. */
  userOf: (c: Context) => string;
}

const ListQuery = z.object({
  state: LeadStateSchema.default('review'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().optional(),
});
const TaskQuery = z.object({
  status: TaskStatusSchema.default('drafted'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().optional(),
});
const DecisionBody = z.object({ to: LeadStateSchema, reason: z.string().trim().min(3).max(500) });
const SALES_STATES = new Set(['accepted', 'rejected', 'won', 'lost']);

const STATUS: [new (...args: never[]) => Error, 400 | 404 | 409][] = [
  [InvalidCursorError, 400],
  [LeadNotFoundError, 404],
  [TaskNotFoundError, 404],
  [InvalidTransitionError, 409],
  [StaleDecisionError, 409],
  [TaskStateError, 409],
];

/** The review API: the marketer's queue, decisions with reasons, task approval, CSV export. */
export function createApp(deps: ApiDeps): Hono {
  const app = new Hono();
  const parse = <T extends z.ZodType>(schema: T, value: unknown): z.infer<T> => {
    const r = schema.safeParse(value);
    if (!r.success) {
      const detail = r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
      throw new HTTPException(400, { message: detail });
    }
    return r.data;
  };
  const body = async (c: Context) => c.req.json().catch(() => parse(z.object({}), 'not json'));
  const key = (c: Context) =>
    prospectKey({ source: c.req.param('source') ?? '', authorId: c.req.param('authorId') ?? '' });

  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    const mapped = STATUS.find(([type]) => error instanceof type);
    if (mapped) return c.json({ error: error.message }, mapped[1]);
    deps.log.error('api error', { error: error.message, path: c.req.path });
    return c.json({ error: 'internal error' }, 500);
  });

  app.get('/', (c) => c.html(REVIEW_UI_HTML));
  app.get('/health', (c) => c.json({ ok: true }));

  app.get('/api/leads', async (c) => {
    const q = parse(ListQuery, c.req.query());
    return c.json(await listLeads(deps, q.state, q.limit, q.cursor));
  });

  app.get('/api/leads/:source/:authorId', async (c) => {
    const k = key(c);
    const lead = await deps.leads.getLead(k);
    if (!lead) throw new LeadNotFoundError(k);
    const [events, signals] = await Promise.all([deps.leads.listEvents(k), deps.leads.listSignals(k)]);
    return c.json({ lead, events, signals });
  });

  app.post('/api/leads/:source/:authorId/decision', async (c) => {
    const input = parse(DecisionBody, await body(c));
    const actor: Actor = { type: SALES_STATES.has(input.to) ? 'sales' : 'marketer', id: deps.userOf(c) };
    const lead = await decideLead(deps, { key: key(c), to: input.to, reason: input.reason, actor });
    return c.json({ lead });
  });

  app.get('/api/tasks', async (c) => {
    const q = parse(TaskQuery, c.req.query());
    return c.json(await deps.tasks.listTasks(q.status, q.limit, q.cursor));
  });

  app.post('/api/tasks/:source/:authorId/:taskId/approve', async (c) => {
    await approveTask(deps, { prospectKey: key(c), taskId: c.req.param('taskId'), approver: deps.userOf(c) });
    return c.json({ approved: true });
  });

  app.get('/api/export.csv', async (c) => {
    const { state } = parse(ListQuery.pick({ state: true }), { state: c.req.query('state') ?? 'mql' });
    const { csv } = await exportLeads(deps, state);
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="leads.csv"',
    });
  });

  return app;
}
