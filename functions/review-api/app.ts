import { randomBytes } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { BlankEnv } from 'hono/types';
import * as z from 'zod';
import { InvalidCursorError } from '../../shared/adapters/dynamodb/table.ts';
import { UnknownCodeError } from '../../shared/domain/feedback-codes.ts';
import { InvalidTransitionError } from '../../shared/domain/lead-state.ts';
import { ConcurrentPublishError } from '../../shared/ports/definition-store.ts';
import { PostTooLongError, TaskNotFoundError, TaskStateError } from '../../shared/use-cases/approve-task.ts';
import { InvalidErasureRequestError } from '../../shared/use-cases/erase-person.ts';
import { ExportWindowError } from '../../shared/use-cases/export-leads.ts';
import { PostNotOfLeadError } from '../../shared/use-cases/label-post.ts';
import {
  CampaignExistsError,
  CampaignNotFoundError,
  InvalidCampaignError,
} from '../../shared/use-cases/manage-campaigns.ts';
import { InvalidDefinitionError } from '../../shared/use-cases/publish-definition.ts';
import { InvalidCodesError } from '../../shared/use-cases/publish-feedback-codes.ts';
import { NoDefinitionError } from '../../shared/use-cases/qualify-prospects.ts';
import { LeadNotFoundError, StaleDecisionError } from '../../shared/use-cases/review-prospect.ts';
import { UnknownBaseVersionError } from '../../shared/use-cases/save-definition-draft.ts';
import { TrainingUnavailableError } from '../../shared/use-cases/start-model-training.ts';
import { ANY_ROLE } from './auth.ts';
import type { ApiDeps } from './http.ts';
import type { LocalAccess } from './local-access.ts';
import { apiRouter, DOCUMENT_INFO, registerSecurity } from './openapi.ts';
import { cursorSeal } from './page-cursor.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { labelRoutes } from './routes/labels.ts';
import { leadTimelineRoutes } from './routes/lead-timeline.ts';
import { leadRoutes } from './routes/leads.ts';
import { modelRoutes } from './routes/models.ts';
import { mqlRoutes } from './routes/mql.ts';
import { mqlDraftRoutes } from './routes/mql-drafts.ts';
import { salesRoutes } from './routes/sales.ts';
import { taskSkipRoutes } from './routes/task-skip.ts';
import { taskRoutes } from './routes/tasks.ts';
import { xAccountRoutes } from './routes/x-account.ts';
import { reviewUiCsp, reviewUiHtml } from './ui.ts';
import { limitBody, requireJson } from './write-guards.ts';

export type { ApiDeps } from './http.ts';

const STATUS: [new (...args: never[]) => Error, 400 | 404 | 409 | 422 | 503][] = [
  [InvalidCursorError, 400],
  [ExportWindowError, 400],
  [InvalidErasureRequestError, 400],
  [InvalidDefinitionError, 422],
  [InvalidCodesError, 422],
  [UnknownCodeError, 400],
  [NoDefinitionError, 409],
  [PostTooLongError, 422],
  [LeadNotFoundError, 404],
  [PostNotOfLeadError, 404],
  [TaskNotFoundError, 404],
  [InvalidTransitionError, 409],
  [StaleDecisionError, 409],
  [TaskStateError, 409],
  [ConcurrentPublishError, 409],
  [InvalidCampaignError, 422],
  [CampaignNotFoundError, 404],
  [CampaignExistsError, 409],
  [UnknownBaseVersionError, 409],
  [TrainingUnavailableError, 503],
];

export interface AppOptions {
  /** Laptop only (`npm start`): Host/Origin checks and the run's write token. AWS has Cognito. */
  localAccess?: LocalAccess;
}

/** A definition document is the largest body; other writes carry a reason or a flag. */
const DEFINITION_BODY_BYTES = 256 * 1024;
const OTHER_BODY_BYTES = 16 * 1024;

/**
 * `GET /api/openapi.json`: the document generated from every route's schemas, for any signed-in
 * group. Built once, on first request: the routes are fixed once the app is assembled.
 */
function documentRoute(deps: ApiDeps, root: OpenAPIHono<BlankEnv>) {
  const { app, route } = apiRouter(deps.identify);
  let document: unknown;
  route(
    {
      method: 'get',
      path: '/openapi.json',
      operationId: 'getOpenApiDocument',
      tag: 'meta',
      summary: 'This API described in OpenAPI 3.1',
      owners: ANY_ROLE,
      responses: {
        200: { description: 'The OpenAPI document', schema: z.looseObject({}).openapi('OpenApiDocument') },
      },
    },
    (c) => {
      document ??= root.getOpenAPI31Document(DOCUMENT_INFO);
      return c.json(document as Record<string, unknown>);
    },
  );
  registerSecurity(app);
  return app;
}

/** The review API: the marketer's queue, decisions, engagement approval, the MQL definition, CSV export. */
export function createApp(deps: ApiDeps, options: AppOptions = {}): OpenAPIHono<BlankEnv> {
  const app = new OpenAPIHono<BlankEnv>();
  if (options.localAccess) app.use('*', options.localAccess.middleware);
  app.use('*', requireJson);
  // Each write route also limits its own body (apiRouter); these prefix limits stay as a second fence.
  app.use('/api/mql', limitBody(DEFINITION_BODY_BYTES));
  app.use('/api/mql/*', limitBody(DEFINITION_BODY_BYTES));
  app.use('/api/campaigns/*', limitBody(OTHER_BODY_BYTES));
  app.use('/api/campaigns', limitBody(OTHER_BODY_BYTES));
  app.use('/api/leads/*', limitBody(OTHER_BODY_BYTES));
  app.use('/api/tasks/*', limitBody(OTHER_BODY_BYTES));
  app.use('/api/x-account/*', limitBody(OTHER_BODY_BYTES));
  app.use('/api/models/*', limitBody(OTHER_BODY_BYTES));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    const mapped = STATUS.find(([type]) => error instanceof type);
    if (mapped) return c.json({ error: error.message }, mapped[1]);
    deps.log.error('api error', { error: error.message, path: c.req.path });
    return c.json({ error: 'internal error' }, 500);
  });
  const page = reviewUiHtml(deps.signIn, options.localAccess?.token);
  const csp = reviewUiCsp(deps.signIn);
  app.get('/', (c) => {
    c.header('content-security-policy', csp);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    return c.html(page);
  });
  app.get('/health', (c) => c.json({ ok: true }));
  const routeDeps = { ...deps, cursors: cursorSeal(deps.cursorKey ?? randomBytes(32)) };
  app.route('/api/leads', leadTimelineRoutes(routeDeps));
  app.route('/api/leads', leadRoutes(routeDeps));
  app.route('/api/leads', labelRoutes(routeDeps));
  app.route('/api/tasks', taskRoutes(routeDeps));
  app.route('/api/tasks', taskSkipRoutes(routeDeps));
  app.route('/api/mql', mqlRoutes(routeDeps));
  app.route('/api/mql', mqlDraftRoutes(routeDeps));
  app.route('/api/campaigns', campaignRoutes(routeDeps));
  app.route('/api', salesRoutes(routeDeps));
  app.route('/api/models', modelRoutes(routeDeps));
  // The OAuth callback has no role on purpose: it is X's browser redirect, guarded by its single-use state.
  app.route('/api/x-account', xAccountRoutes(deps));
  app.route('/api', documentRoute(deps, app));
  return app;
}
