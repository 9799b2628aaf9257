import { request } from 'node:https';

/**
 * Plays the admin's browser on the fake X server's consent page: GETs the authorize URL and
 * returns where X redirects (the review API's callback with `code` and `state`). Local demo and
 * tests only: the fake's certificate is self-signed, so it is accepted here and nowhere else.
 */
export function followConsent(authorizeUrl: string): Promise<URL> {
  return new Promise((resolve, reject) => {
    const req = request(authorizeUrl, { method: 'GET', rejectUnauthorized: false }, (res) => {
      res.resume();
      const location = res.headers.location;
      if (res.statusCode !== 302 || !location) reject(new Error(`consent page answered ${res.statusCode}`));
      else resolve(new URL(location));
    });
    req.on('error', reject);
    req.end();
  });
}
