import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { diffDefinitions } from '../../../shared/domain/definition-diff.ts';
import { freeText } from '../../../shared/domain/free-text.ts';
import { publishDefinition } from '../../../shared/use-cases/publish-definition.ts';
import { ANY_ROLE, identityOf, requireRole } from '../auth.ts';
import { jsonBody, parse, type RouteDeps } from '../http.ts';

const PublishBody = z.strictObject({
  definition: z.unknown(),
  note: freeText(3, 500),
  /** Required over the API: the version the author edited, so nobody overwrites a colleague. */
  basedOn: z.number().int().positive().max(999_999),
});
const DiffQuery = z.object({
  from: z.coerce.number().int().positive().max(999_999),
  to: z.coerce.number().int().positive().max(999_999),
});

/** The MQL definition both teams own: read it, see its history and diffs, publish a new version. */
export function mqlRoutes(deps: RouteDeps): Hono {
  const app = new Hono();
  const anyone = requireRole(deps.identify, ...ANY_ROLE);
  const version = async (v: number) => {
    const d = await deps.definitions.getDefinition(v);
    if (!d) throw new HTTPException(404, { message: `no MQL definition version ${v}` });
    return d;
  };
  app.get('/', anyone, async (c) => {
    const current = await deps.definitions.currentDefinition();
    if (!current) throw new HTTPException(404, { message: 'no MQL definition is published yet' });
    return c.json(current);
  });
  app.get('/versions', anyone, async (c) =>
    c.json(
      (await deps.definitions.listDefinitions()).map(({ version: v, author, note, publishedAt }) => ({
        version: v,
        author,
        note,
        publishedAt,
      })),
    ),
  );
  app.get('/diff', anyone, async (c) => {
    const q = parse(DiffQuery, c.req.query());
    return c.json({
      from: q.from,
      to: q.to,
      changes: diffDefinitions(await version(q.from), await version(q.to)),
    });
  });
  app.post('/', requireRole(deps.identify, 'admin'), async (c) => {
    const input = parse(PublishBody, await jsonBody(c));
    const result = await publishDefinition(deps, {
      document: input.definition,
      author: identityOf(deps.identify, c).id,
      note: input.note,
      basedOn: input.basedOn,
    });
    return c.json({ version: result.definition.version, changes: result.diff }, 201);
  });
  return app;
}
