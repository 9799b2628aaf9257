import type * as z from 'zod';
import { MalformedPageError } from '../ports/social-source.ts';

/** `data[3].created_at: Invalid input`: the first problem, at a path a person can find in the raw response. */
export function issueAt(prefix: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? [])]
    .filter((p) => p !== '')
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return `${path || '(root)'}: ${issue?.message ?? 'invalid'}`;
}

/** A page whose envelope is broken cannot be used at all: MalformedPageError names the field. */
export function parseEnvelope<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const [field = '(root)', ...detail] = issueAt('', parsed.error).split(': ');
  throw new MalformedPageError(field, detail.join(': ') || 'invalid');
}
