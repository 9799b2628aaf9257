import type * as z from 'zod';
import type { Log } from '../../ports/log.ts';

/**
 * A stored item that does not parse. Its message names the item's key and the fields that failed,
 * never their values: a profile or a post is personal data.
 */
export class StoredItemError extends Error {
  constructor(what: string, error: z.ZodError) {
    super(
      `stored ${what} is malformed at ${error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`,
    );
    this.name = 'StoredItemError';
  }
}

/**
 * Where adapters report an item they passed over when no logger is given: one JSON line on stderr,
 * which Lambda sends to CloudWatch like the structured logger's own lines.
 */
export const stderrLog: Pick<Log, 'warn'> = {
  warn(message, extra) {
    process.stderr.write(`${JSON.stringify({ level: 'WARN', message, ...extra })}\n`);
  },
};

export interface Parsed<T> {
  items: T[];
  /** Items that did not parse: logged with their key and the error's name, and passed over. */
  skipped: number;
}

/**
 * Parses each item of a listing on its own. One malformed item (a hand edit, an old format, a bug
 * in some writer) must not make the page it is on, and every page after it, unreachable: it is
 * logged by key and error name only (no attribute values) and counted, and the rest go on.
 */
export function parseEach<T>(
  items: readonly Record<string, unknown>[],
  parse: (item: Record<string, unknown>) => T,
  kind: string,
  log: Pick<Log, 'warn'>,
): Parsed<T> {
  const out: T[] = [];
  let skipped = 0;
  for (const item of items) {
    try {
      out.push(parse(item));
    } catch (error) {
      skipped++;
      log.warn('skipped a malformed stored item', {
        kind,
        pk: String(item.pk),
        sk: String(item.sk),
        error: error instanceof Error ? error.name : typeof error,
      });
    }
  }
  return { items: out, skipped };
}

/** A zod parse that throws a StoredItemError naming the item's key and the failed fields only. */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoredItemError(what, parsed.error);
  return parsed.data;
}

/** Epoch seconds, the unit of the table's `ttl` attribute. */
export const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

/**
 * DynamoDB deletes expired items lazily (often within days, sometimes later), so reads must not
 * treat an item whose `ttl` has passed as live. Use with ExpressionAttributeNames `#ttl`.
 */
export const NOT_EXPIRED = 'attribute_not_exists(#ttl) OR #ttl > :nowSeconds';
