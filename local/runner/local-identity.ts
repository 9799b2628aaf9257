import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import * as z from 'zod';
import { type Identity, RoleSchema } from '../../shared/domain/roles.ts';

const PayloadSchema = z.strictObject({
  /** A name for the audit trail: printable, 1-120 characters. */
  id: z
    .string()
    .trim()
    .regex(/^[^\p{C}]{1,120}$/u, 'give 1-120 printable characters'),
  roles: z.array(RoleSchema).min(1).max(3),
});

/**
 * The laptop's stand-in for Cognito groups: `npm start` signs one token per role with a key made
 * for this run, and the API accepts only tokens it signed. A page on another origin cannot read
 * them, and a restart invalidates them.
 */
export class LocalIdentity {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }

  sign(identity: Identity): string {
    const payload = Buffer.from(JSON.stringify(PayloadSchema.parse(identity))).toString('base64url');
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  verify(token: string): Identity | undefined {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined || token.length > 2_000) return undefined;
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const parsed = PayloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** The `identify` the API takes: the Bearer token of the request, when this run signed it. */
  readonly identify = (c: Context): Identity | undefined => {
    const header = c.req.header('authorization') ?? '';
    return header.startsWith('Bearer ') ? this.verify(header.slice(7).trim()) : undefined;
  };
}

/** The people a local demo signs in as, one per group. */
export const LOCAL_PEOPLE: Identity[] = [
  { id: 'local-marketer', roles: ['marketer'] },
  { id: 'local-sales', roles: ['sales'] },
  { id: 'local-admin', roles: ['admin'] },
];
