import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { diffDefinitions } from '../../../shared/domain/definition-diff.ts';
import { freeText } from '../../../shared/domain/free-text.ts';
import { publishDefinition } from '../../../shared/use-cases/publish-definition.ts';
import { ANY_ROLE, identityOf } from '../auth.ts';
import type { RouteDeps } from '../http.ts';
import { apiRouter } from '../openapi.ts';
import { looseObject } from '../schemas.ts';

const PublishBody = z.strictObject({
  definition: z
    .unknown()
    .describe('The full MQL definition document (checked by the publish use case: 422 naming the key)'),
  note: freeText(3, 500),
  /** Required over the API: the version the author edited, so nobody overwrites a colleague. */
  basedOn: z.number().int().positive().max(999_999),
});
const DiffQuery = z.object({
  from: z.coerce.number().int().positive().max(999_999),
  to: z.coerce.number().int().positive().max(999_999),
});

const Definition = looseObject(
  'MqlDefinition',
  'A published MQL definition: rules, thresholds, version, author, note',
);
const Change = looseObject('DefinitionChange', 'One difference between two definition versions');
const VersionSummary = z
  .object({
    version: z.number().int(),
    author: z.string().max(200),
    note: z.string().max(500),
    publishedAt: z.string().max(40),
  })
  .openapi('DefinitionVersion');

/** The MQL definition both teams own: read it, see its history and diffs, publish a new version. */
export function mqlRoutes(deps: RouteDeps) {
  const { app, route } = apiRouter(deps.identify);
  const version = async (v: number) => {
    const d = await deps.definitions.getDefinition(v);
    if (!d) throw new HTTPException(404, { message: `no MQL definition version ${v}` });
    return d;
  };
  route(
    {
      method: 'get',
      path: '/',
      operationId: 'getCurrentDefinition',
      tag: 'mql',
      summary: 'The MQL definition in force',
      owners: ANY_ROLE,
      responses: { 200: { description: 'The current version', schema: Definition } },
      errors: [404],
    },
    async (c) => {
      const current = await deps.definitions.currentDefinition();
      if (!current) throw new HTTPException(404, { message: 'no MQL definition is published yet' });
      return c.json(current);
    },
  );
  route(
    {
      method: 'get',
      path: '/versions',
      operationId: 'listDefinitionVersions',
      tag: 'mql',
      summary: 'Every published version: who, when, why',
      owners: ANY_ROLE,
      responses: { 200: { description: 'The versions', schema: z.array(VersionSummary) } },
    },
    async (c) =>
      c.json(
        (await deps.definitions.listDefinitions()).map(({ version: v, author, note, publishedAt }) => ({
          version: v,
          author,
          note,
          publishedAt,
        })),
      ),
  );
  route(
    {
      method: 'get',
      path: '/diff',
      operationId: 'diffDefinitions',
      tag: 'mql',
      summary: 'What changed between two versions',
      owners: ANY_ROLE,
      query: DiffQuery,
      responses: {
        200: {
          description: 'The changes',
          schema: z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(Change) }),
        },
      },
      errors: [404],
    },
    async (c, { query: q }) =>
      c.json({
        from: q.from,
        to: q.to,
        changes: diffDefinitions(await version(q.from), await version(q.to)),
      }),
  );
  route(
    {
      method: 'post',
      path: '/',
      operationId: 'publishDefinition',
      tag: 'mql',
      summary: 'Publish a new version, based on the one the author edited',
      owners: ['admin'],
      body: PublishBody,
      responses: {
        201: {
          description: 'Published',
          schema: z.object({ version: z.number().int(), changes: z.array(Change) }),
        },
      },
      errors: [409, 413, 422],
    },
    async (c, { body: input }) => {
      const result = await publishDefinition(deps, {
        document: input.definition,
        author: identityOf(deps.identify, c).id,
        note: input.note,
        basedOn: input.basedOn,
      });
      return c.json({ version: result.definition.version, changes: result.diff }, 201);
    },
  );
  return app;
}
