import type { Context } from 'hono';
import type { Identity } from '../../shared/domain/roles.ts';

/**
 * For API tests about something other than roles: the caller is in every group, named by the
 * `x-user` header (or `fallback`). The role checks themselves are pinned in review-api-roles.test.ts
 * through the signed local tokens.
 */
export function everyRole(fallback = 'anon') {
  return (c: Context): Identity => ({
    id: c.req.header('x-user') ?? fallback,
    roles: ['marketer', 'sales', 'admin'],
  });
}
