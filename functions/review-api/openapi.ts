import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import * as z from 'zod';
import type { Role } from '../../shared/domain/roles.ts';
import { ANY_ROLE, type Identify, identityOf, requireRole } from './auth.ts';
import { jsonBody, parse } from './http.ts';
import { limitBody } from './write-guards.ts';

/**
 * How the review API declares a route: once, with its zod schemas, so the same schemas both
 * check the request and describe it in `GET /api/openapi.json` (issue 13, item 7).
 *
 * ```ts
 * const { app, route } = apiRouter(deps.identify);
 * route(
 *   {
 *     method: 'get', path: '/{source}/{authorId}', operationId: 'getLead', tag: 'leads',
 *     summary: 'A lead with its events, signals and tasks', owners: ANY_ROLE,
 *     params: LeadParams, responses: { 200: { description: 'The lead', schema: LeadDetail } },
 *     errors: [404],
 *   },
 *   async (c, { params }) => c.json(await leadDetail(deps, leadKey(params))),
 * );
 * return app; // mount it with app.route('/api/…', …): its routes join the document
 * ```
 *
 * Why not `app.openapi()` with its validators: this wrapper keeps the API's contract exact. The
 * role guard runs before any parsing (401/403 before 400), a bad field is a 400 `{error}` that names
 * it (`reason: …`), a body that is not JSON is `(body): expected a JSON object`, and a handler may
 * read its body itself when its shape depends on the caller (a decision's target owner).
 * The document still comes from `@hono/zod-openapi`'s registry, so it cannot drift from the code.
 */

/** Every error answer: `{error}`, a sentence naming the field or the reason. */
export const ErrorSchema = z
  .object({ error: z.string().max(4_000).describe('What went wrong, naming the field when one is bad') })
  .openapi('Error');

/** The error statuses a route may declare; 400 (input), 401/403 (guard), 415 (writes), 500 come by themselves. */
export type ErrorStatus = 400 | 404 | 409 | 413 | 422 | 503;

const ERROR_TEXT: Record<ErrorStatus | 401 | 403 | 415 | 500, string> = {
  400: 'A parameter, query field or body field is invalid; the message names it',
  401: 'Not signed in',
  403: 'Signed in, but not in a group that owns this route',
  404: 'Not found',
  409: 'Conflicts with the current state (it moved meanwhile, or the move is not allowed)',
  413: 'The body is larger than this route accepts',
  415: 'Writes must be application/json',
  422: 'The document is well-formed JSON but not a valid one; the message names the key',
  500: 'Internal error (logged; the message says nothing more)',
  503: 'Not configured on this deployment',
};

interface ResponseSpec {
  description: string;
  /** JSON body (or, with `contentType`, the documented body of that type). */
  schema?: z.ZodType;
  contentType?: string;
  /** Response headers a client reads (e.g. the CSV pull's watermark). */
  headers?: Record<string, { description: string; schema: { type: 'string' } }>;
}

export interface ApiRouteSpec<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI style, relative to where the router is mounted: `/{source}/{authorId}`. */
  path: string;
  /** Unique over the API, camelCase: what generated clients call the operation. */
  operationId: string;
  tag:
    | 'leads'
    | 'tasks'
    | 'mql'
    | 'reports'
    | 'codes'
    | 'x-account'
    | 'campaigns'
    | 'models'
    | 'meta'
    | (string & {});
  summary: string;
  description?: string;
  /**
   * Who may call it: the guard is built from this and the document states it. `'none'` is for a
   * route no session reaches (X's OAuth redirect), guarded otherwise.
   */
  owners: readonly Role[] | 'none';
  /**
   * The owning group depends on the request (a decision's target): the wrapper only requires a
   * signed-in caller, and the handler checks the group (`actorFor`). `owners` still documents it.
   */
  ownerCheckedByHandler?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** The handler reads the body itself (it may be empty, or its schema depends on the caller). */
  bodyReadByHandler?: boolean;
  responses: Partial<Record<200 | 201 | 202 | 302, ResponseSpec>>;
  /** Errors besides the automatic ones (400 with input, 401/403 with owners, 413/415 on writes, 500). */
  errors?: ErrorStatus[];
  /** The largest body a write accepts (413 beyond it); default 16 KB. Every write gets a limit. */
  maxBodyBytes?: number;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
export interface RouteInput<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}
export type RouteHandler<P, Q, B> = (c: Context, input: RouteInput<P, Q, B>) => Response | Promise<Response>;

const WRITES = new Set(['post', 'put', 'delete']);
/** A write carries a reason, a flag or a draft; documents (definition, codes) ask for more. */
const DEFAULT_BODY_BYTES = 16 * 1024;

function describeOwners(owners: readonly Role[] | 'none'): string {
  if (owners === 'none') return 'No sign-in: guarded as described.';
  if (ANY_ROLE.every((r) => owners.includes(r))) return 'Owners: any signed-in group.';
  return `Owners: ${owners.join(', ')}.`;
}

function errorResponses(
  spec: ApiRouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>,
) {
  const statuses = new Set<number>(spec.errors ?? []);
  if (spec.params || spec.query || spec.body) statuses.add(400);
  if (spec.owners !== 'none') {
    statuses.add(401);
    statuses.add(403);
  }
  if (WRITES.has(spec.method)) {
    statuses.add(413);
    statuses.add(415);
  }
  statuses.add(500);
  return Object.fromEntries(
    [...statuses].sort().map((s) => [
      s,
      {
        description: ERROR_TEXT[s as keyof typeof ERROR_TEXT],
        content: { 'application/json': { schema: ErrorSchema } },
      },
    ]),
  );
}

function successResponses(responses: ApiRouteSpec<undefined, undefined, undefined>['responses']) {
  return Object.fromEntries(
    Object.entries(responses).map(([status, r]) => [
      status,
      {
        description: r.description,
        ...(r.headers ? { headers: r.headers } : {}),
        ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: r.schema } } } : {}),
      },
    ]),
  );
}

/** A router whose routes carry their schemas, guards and documentation; see the module comment. */
export function apiRouter(identify: Identify) {
  const app = new OpenAPIHono();
  const signedIn: MiddlewareHandler = async (c, next) => {
    identityOf(identify, c);
    await next();
  };
  const open: MiddlewareHandler = async (_c, next) => next();

  function route<
    P extends z.ZodType | undefined = undefined,
    Q extends z.ZodType | undefined = undefined,
    B extends z.ZodType | undefined = undefined,
  >(spec: ApiRouteSpec<P, Q, B>, handler: RouteHandler<P, Q, B>): void {
    const statuses = Object.keys(spec.responses);
    if (!statuses.some((s) => s.startsWith('2') || s === '302'))
      throw new Error(`${spec.operationId}: declare a 2XX response (or the 302 of a browser redirect)`);
    const security = spec.owners === 'none' ? { security: [] } : {};
    app.openAPIRegistry.registerPath(
      createRoute({
        method: spec.method,
        path: spec.path,
        operationId: spec.operationId,
        tags: [spec.tag],
        summary: spec.summary,
        description: [spec.description, describeOwners(spec.owners)].filter(Boolean).join('\n\n'),
        ...security,
        request: {
          ...(spec.params ? { params: spec.params as never } : {}),
          ...(spec.query ? { query: spec.query as never } : {}),
          ...(spec.body
            ? {
                body: {
                  required: !spec.bodyReadByHandler,
                  content: { 'application/json': { schema: spec.body } },
                },
              }
            : {}),
        },
        responses: { ...successResponses(spec.responses), ...errorResponses(spec) },
      }),
    );
    const guard =
      spec.owners === 'none'
        ? open
        : spec.ownerCheckedByHandler
          ? signedIn
          : requireRole(identify, ...spec.owners);
    const honoPath = spec.path.replaceAll(/\{([^}]+)\}/g, ':$1');
    const limit = WRITES.has(spec.method) ? limitBody(spec.maxBodyBytes ?? DEFAULT_BODY_BYTES) : open;
    app.on(spec.method.toUpperCase(), honoPath, limit, guard, async (c) => {
      const params = (spec.params ? parse(spec.params, c.req.param()) : undefined) as Out<P>;
      const query = (spec.query ? parse(spec.query, c.req.query()) : undefined) as Out<Q>;
      const body = (
        spec.body && !spec.bodyReadByHandler ? parse(spec.body, await jsonBody(c)) : undefined
      ) as Out<B>;
      return handler(c, { params, query, body });
    });
  }

  return { app, route };
}

/** The document's frame: what it is, how callers sign in, where it is served. */
export const DOCUMENT_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Prospector review API',
    version: '1.0.0',
    description:
      'The workspace API behind the review queue, lead pages, engagement approvals, the MQL definition and the CRM pull. Every route names its owning groups (marketer, sales, admin); errors are `{error}` naming the bad field.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/', description: 'This deployment (same origin as the web app)' }],
  security: [{ cognito: [] }],
  tags: [
    { name: 'leads', description: 'The review queue, lead detail, decisions, CRM export' },
    { name: 'tasks', description: 'Drafted engagement waiting for a person' },
    { name: 'mql', description: 'The MQL definition: current, versions, diff, publish' },
    { name: 'reports', description: 'Funnel, objections, nurture suggestions, won customers' },
    { name: 'codes', description: 'Sales reason codes' },
    { name: 'x-account', description: "The brand's X account" },
    {
      name: 'models',
      description: 'The intent model registry: start a training run (promotion is a person’s CLI step)',
    },
    { name: 'meta', description: 'This document' },
  ],
};

/** Registers how callers authenticate: a Cognito JWT on AWS, the signed local token on a laptop. */
export function registerSecurity(app: OpenAPIHono): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'cognito', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito ID token on AWS; on a laptop, the signed token `npm start` hands the page',
  });
}
