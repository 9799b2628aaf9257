import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { definitionInWords } from '../../../shared/domain/definition-in-words.ts';
import { freeText } from '../../../shared/domain/free-text.ts';
import { MissingIntentModelError } from '../../../shared/domain/rule-evaluators.ts';
import {
  DEFAULT_IMPACT_OPTIONS,
  previewDefinitionImpact,
} from '../../../shared/use-cases/preview-definition-impact.ts';
import { saveDefinitionDraft } from '../../../shared/use-cases/save-definition-draft.ts';
import { ANY_ROLE, identityOf } from '../auth.ts';
import type { RouteDeps } from '../http.ts';
import { apiRouter } from '../openapi.ts';
import { DefinitionInWordsSchema, DraftSchema, ImpactSchema } from './mql-draft-schemas.ts';

const version = z.coerce.number().int().positive().max(999_999);
const WordsQuery = z.object({ version: version.optional().describe('Default: the current version') });
const document = z
  .unknown()
  .describe('A full MQL definition document (checked as a publish checks it: 422 naming the key)');
const DraftBody = z
  .strictObject({
    definition: document,
    basedOn: version.describe('The published version the editor started from'),
    note: freeText(0, 500).default(''),
  })
  .openapi('DraftSave');
const ImpactBody = z
  .strictObject({
    definition: document,
    maxLeads: z
      .number()
      .int()
      .min(1)
      .max(5_000)
      .optional()
      .describe('Open leads looked at, at most (default 2,000)'),
  })
  .openapi('ImpactRequest');

/**
 * Editing the MQL definition before anyone publishes it: the rules in words, an editor's own
 * draft, and the impact a draft would have on open leads. Both teams own the definition, so any
 * signed-in group may draft and preview; publishing (POST /api/mql) stays admin-only.
 */
export function mqlDraftRoutes(deps: RouteDeps) {
  const { app, route } = apiRouter(deps.identify);
  route(
    {
      method: 'get',
      path: '/words',
      operationId: 'definitionInWords',
      tag: 'mql',
      summary: 'A version (default: the current one) as rules in words, not JSON',
      owners: ANY_ROLE,
      query: WordsQuery,
      responses: {
        200: {
          description: 'The version and its rules as sentences',
          schema: z.object({ version: z.number().int(), words: DefinitionInWordsSchema }),
        },
      },
      errors: [404],
    },
    async (c, { query }) => {
      const definition = query.version
        ? await deps.definitions.getDefinition(query.version)
        : await deps.definitions.currentDefinition();
      if (!definition)
        throw new HTTPException(404, {
          message: query.version
            ? `no MQL definition version ${query.version}`
            : 'no MQL definition is published yet',
        });
      return c.json({ version: definition.version, words: definitionInWords(definition) });
    },
  );
  route(
    {
      method: 'get',
      path: '/draft',
      operationId: 'getDefinitionDraft',
      tag: 'mql',
      summary: "The caller's own saved draft",
      owners: ANY_ROLE,
      responses: { 200: { description: 'The draft', schema: DraftSchema } },
      errors: [404],
    },
    async (c) => {
      const draft = await deps.drafts.getDraft(identityOf(deps.identify, c).id);
      if (!draft) throw new HTTPException(404, { message: 'you have no saved draft' });
      return c.json(draft);
    },
  );
  route(
    {
      method: 'put',
      path: '/draft',
      operationId: 'saveDefinitionDraft',
      tag: 'mql',
      summary: "Save the caller's draft (replacing their previous one); nothing is scored with it",
      owners: ANY_ROLE,
      body: DraftBody,
      responses: { 200: { description: 'Saved', schema: DraftSchema } },
      errors: [409, 413, 422],
    },
    async (c, { body }) =>
      c.json(
        await saveDefinitionDraft(deps, {
          author: identityOf(deps.identify, c).id,
          document: body.definition,
          basedOn: body.basedOn,
          note: body.note,
        }),
      ),
  );
  route(
    {
      method: 'delete',
      path: '/draft',
      operationId: 'discardDefinitionDraft',
      tag: 'mql',
      summary: "Discard the caller's draft",
      owners: ANY_ROLE,
      responses: {
        200: { description: 'Discarded (or there was none)', schema: z.object({ discarded: z.boolean() }) },
      },
    },
    async (c) => {
      await deps.drafts.deleteDraft(identityOf(deps.identify, c).id);
      return c.json({ discarded: true });
    },
  );
  route(
    {
      method: 'post',
      path: '/impact',
      operationId: 'previewDefinitionImpact',
      tag: 'mql',
      summary:
        'Re-score open leads in memory with a draft: how many would move between states, with examples',
      description: 'Stores nothing. Compares the draft with the current version scored at the same instant.',
      owners: ANY_ROLE,
      body: ImpactBody,
      responses: { 200: { description: 'The moves', schema: ImpactSchema } },
      errors: [409, 413, 422, 503],
    },
    async (c, { body }) => {
      try {
        const intent = await deps.loadIntent?.();
        const impact = await previewDefinitionImpact({ ...deps, intent }, body.definition, {
          ...DEFAULT_IMPACT_OPTIONS,
          ...(body.maxLeads ? { maxLeads: body.maxLeads } : {}),
        });
        return c.json(impact);
      } catch (error) {
        if (error instanceof MissingIntentModelError)
          throw new HTTPException(503, { message: 'the intent model is not loaded on this deployment' });
        throw error;
      }
    },
  );
  return app;
}
