import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { InvalidCursorError } from '../../shared/adapters/dynamodb/table.ts';
import { InvalidTransitionError } from '../../shared/domain/lead-state.ts';
import { ConcurrentPublishError } from '../../shared/ports/definition-store.ts';
import { PostTooLongError, TaskNotFoundError, TaskStateError } from '../../shared/use-cases/approve-task.ts';
import { ExportWindowError } from '../../shared/use-cases/export-leads.ts';
import { InvalidDefinitionError } from '../../shared/use-cases/publish-definition.ts';
import { LeadNotFoundError, StaleDecisionError } from '../../shared/use-cases/review-prospect.ts';
import type { ApiDeps } from './http.ts';
import { leadRoutes } from './routes/leads.ts';
import { mqlRoutes } from './routes/mql.ts';
import { taskRoutes } from './routes/tasks.ts';
import { xAccountRoutes } from './routes/x-account.ts';
import { reviewUiCsp, reviewUiHtml } from './ui.ts';

export type { ApiDeps } from './http.ts';

const STATUS: [new (...args: never[]) => Error, 400 | 404 | 409 | 422][] = [
  [InvalidCursorError, 400],
  [ExportWindowError, 400],
  [InvalidDefinitionError, 422],
  [PostTooLongError, 422],
  [LeadNotFoundError, 404],
  [TaskNotFoundError, 404],
  [InvalidTransitionError, 409],
  [StaleDecisionError, 409],
  [TaskStateError, 409],
  [ConcurrentPublishError, 409],
];

/** The review API: the marketer's queue, decisions, engagement approval, the MQL definition, CSV export. */
export function createApp(deps: ApiDeps): Hono {
  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    const mapped = STATUS.find(([type]) => error instanceof type);
    if (mapped) return c.json({ error: error.message }, mapped[1]);
    deps.log.error('api error', { error: error.message, path: c.req.path });
    return c.json({ error: 'internal error' }, 500);
  });
  const page = reviewUiHtml(deps.signIn);
  const csp = reviewUiCsp(deps.signIn);
  app.get('/', (c) => {
    c.header('content-security-policy', csp);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    return c.html(page);
  });
  app.get('/health', (c) => c.json({ ok: true }));
  app.route('/api/leads', leadRoutes(deps));
  app.route('/api/tasks', taskRoutes(deps));
  app.route('/api/mql', mqlRoutes(deps));
  app.route('/api/x-account', xAccountRoutes(deps));
  return app;
}
