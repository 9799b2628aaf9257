import '@hono/zod-openapi';
import * as z from 'zod';
import { LeadStateSchema } from '../../../shared/domain/lead-state.ts';

/** What the draft, words and impact routes answer, for the document: the use cases return these. */
const Iso = z.string().max(40).describe('ISO 8601 date-time');
const definitionDocument = z.looseObject({}).describe('An MQL definition document (no version)');

export const DefinitionInWordsSchema = z
  .object({
    summary: z.array(z.string().max(500)).describe('The bar, decay and intent requirement'),
    sections: z.array(
      z.object({
        title: z.string().max(100),
        rules: z.array(z.object({ id: z.string().max(64), text: z.string().max(2_000) })),
      }),
    ),
  })
  .openapi('DefinitionInWords');

export const DraftSchema = z
  .object({
    author: z.string().max(200),
    basedOn: z.number().int().describe('Publish it with this as basedOn: a stale base is a 409'),
    note: z.string().max(500),
    document: definitionDocument,
    savedAt: Iso,
  })
  .openapi('DefinitionDraft');

const counts = z.record(z.string(), z.number().int()).describe('Open leads per state');

export const ImpactSchema = z
  .object({
    comparedWith: z.number().int().describe('The published version the draft is compared with'),
    checked: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    partial: z.boolean().describe('More open leads exist than were looked at'),
    before: counts,
    after: counts,
    moves: z.array(
      z
        .object({
          from: LeadStateSchema,
          to: LeadStateSchema,
          count: z.number().int(),
          examples: z.array(
            z.object({
              key: z.string().max(300),
              name: z.string().max(200),
              handle: z.string().max(200),
              scoreBefore: z.number(),
              scoreAfter: z.number(),
            }),
          ),
        })
        .openapi('ImpactMove'),
    ),
  })
  .openapi('DefinitionImpact');
