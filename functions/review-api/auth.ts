import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ActorType } from '../../shared/domain/lead-state.ts';
import type { Identity, Role } from '../../shared/domain/roles.ts';

/** How a runtime says who is calling: JWT claims on AWS, a signed local token on a laptop. */
export type Identify = (c: Context) => Identity | undefined;

export function identityOf(identify: Identify, c: Context): Identity {
  const who = identify(c);
  if (!who || who.id.trim() === '') throw new HTTPException(401, { message: 'sign in first' });
  return who;
}

/** Every route names its owners; anyone else gets a 403 that says which group may call it. */
export function requireRole(identify: Identify, ...roles: Role[]): MiddlewareHandler {
  return async (c, next) => {
    const who = identityOf(identify, c);
    if (!who.roles.some((r) => roles.includes(r))) {
      throw new HTTPException(403, { message: `only ${roles.join(' or ')} may do this` });
    }
    await next();
  };
}

/**
 * The actor an event records: the caller's group that may make this move, never a type guessed
 * from the target state. 403 when the caller belongs to no such group.
 */
export function actorFor(identify: Identify, c: Context, owner: Role): { type: ActorType; id: string } {
  const who = identityOf(identify, c);
  if (!who.roles.includes(owner)) throw new HTTPException(403, { message: `only ${owner} may do this` });
  return { type: owner, id: who.id };
}

export const ANY_ROLE: Role[] = ['marketer', 'sales', 'admin'];
