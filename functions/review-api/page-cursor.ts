import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidCursorError } from '../../shared/adapters/dynamodb/table.ts';

/**
 * Page cursors leave the API and come back from clients, so they carry an HMAC under a key of
 * this deployment (Secrets Manager on AWS, a random one per `npm start`). A cursor is also bound
 * to what it pages through (`purpose`: a state, a status, a changes window), so a cursor for one
 * list cannot steer another. Anything else is a 400, never a DynamoDB error.
 */
export interface CursorSeal {
  seal(purpose: string, cursor: string | undefined): string | undefined;
  /** The store's cursor, or `InvalidCursorError` when this API did not issue it for `purpose`. */
  open(purpose: string, sealed: string | undefined): string | undefined;
}

/** Under 4 KB: longer is never one of ours (a DynamoDB key is at most a few KB). */
export const MAX_CURSOR_CHARS = 4_096;

export function cursorSeal(key: string | Uint8Array): CursorSeal {
  if (key.length < 32) throw new Error('the cursor key needs at least 32 bytes');
  const mac = (purpose: string, cursor: string) =>
    createHmac('sha256', key).update(purpose).update('\n').update(cursor).digest();
  return {
    seal: (purpose, cursor) =>
      cursor === undefined ? undefined : `${cursor}.${mac(purpose, cursor).toString('base64url')}`,
    open: (purpose, sealed) => {
      if (sealed === undefined) return undefined;
      const dot = sealed.lastIndexOf('.');
      if (sealed.length > MAX_CURSOR_CHARS || dot <= 0) throw new InvalidCursorError();
      const cursor = sealed.slice(0, dot);
      const given = Buffer.from(sealed.slice(dot + 1), 'base64url');
      const expected = mac(purpose, cursor);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new InvalidCursorError();
      return cursor;
    },
  };
}
