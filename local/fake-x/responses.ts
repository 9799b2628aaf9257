import type { ServerResponse } from 'node:http';

/** Writes a JSON body with X's content type and any extra headers (rate-limit headers, mostly). */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * X's 400 for a parameter it refuses, an `InvalidRequestProblem` of the OpenAPI document: an
 * `errors` list naming the parameter and the refused value, in a problem envelope.
 */
export function invalidRequest(
  res: ServerResponse,
  parameter: string,
  message: string,
  headers: Record<string, string>,
  value?: string,
) {
  json(
    res,
    400,
    {
      errors: [{ parameters: { [parameter]: value === undefined ? [] : [value] }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    },
    headers,
  );
}
