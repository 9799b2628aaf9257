import type { ServerResponse } from 'node:http';
import { json } from './responses.ts';

/**
 * Failure modes of X a test can switch on, one request at a time:
 * - `rate-limit`: the 15-minute window's 429 (`x-rate-limit-remaining: 0`);
 * - `usage-cap`: the monthly post cap's 429 (`UsageCapExceeded`), while the window has plenty left;
 * - `client-not-enrolled`: the 403 for an app not attached to a project with the right access;
 * - `server-error`: a 503;
 * - `truncated`: a 200 whose body stops half-way (the connection drops);
 * - `slow`: the answer comes after `slowMs`;
 * - `partial-errors`: a 200 that also carries `errors` (an author X could not return);
 * - `malformed-record` / `malformed-envelope`: a 200 with one bad tweet / a bad `meta`.
 */
export type Fault =
  | 'rate-limit'
  | 'usage-cap'
  | 'client-not-enrolled'
  | 'server-error'
  | 'truncated'
  | 'slow'
  | 'partial-errors'
  | 'malformed-record'
  | 'malformed-envelope';

/** Answers the faults that replace the whole response; returns false for the ones the endpoint shapes. */
export function answerFault(res: ServerResponse, fault: Fault, rl: Record<string, string>): boolean {
  switch (fault) {
    case 'usage-cap':
      json(
        res,
        429,
        {
          title: 'UsageCapExceeded',
          detail: 'Usage cap exceeded: Monthly product cap',
          type: 'https://api.twitter.com/2/problems/usage-capped',
          period: 'Monthly',
          scope: 'Product',
        },
        rl,
      );
      return true;
    case 'client-not-enrolled':
      json(
        res,
        403,
        {
          client_id: '1234567',
          detail:
            'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.',
          registration_url: 'https://developer.twitter.com/en/docs/projects/overview',
          title: 'Client Forbidden',
          required_enrollment: 'Appropriate Level of API Access',
          reason: 'client-not-enrolled',
          type: 'https://api.twitter.com/2/problems/client-forbidden',
        },
        rl,
      );
      return true;
    case 'server-error':
      json(
        res,
        503,
        { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 },
        rl,
      );
      return true;
    default:
      return false;
  }
}

/** Sends the head and half of `body`, then drops the connection, as a cut-off response does. */
export function truncate(res: ServerResponse, status: number, body: unknown, rl: Record<string, string>) {
  const text = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(text.length),
    ...rl,
  });
  res.write(text.subarray(0, Math.floor(text.length / 2)), () => res.destroy());
}
