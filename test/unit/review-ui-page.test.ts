import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reviewUiCsp, reviewUiHtml } from '../../functions/review-api/ui.ts';

const configOf = (html: string): unknown => {
  const m = /<script id="sign-in-config" type="application\/json">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no sign-in config element');
  return JSON.parse(m[1]!);
};

describe('the review page', () => {
  it('carries no sign-in on a laptop', () => {
    expect(configOf(reviewUiHtml())).toBeNull();
  });

  it('carries the hosted sign-in URL and client id on AWS, escaped so no value can end the script', () => {
    const signIn = {
      url: 'https://p.auth.eu-west-1.amazoncognito.com',
      clientId: '</script><script>alert(1)//$&',
    };
    const html = reviewUiHtml(signIn);
    expect(configOf(html)).toEqual(signIn);
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the config element's and the page script's own
  });

  it('ships the bundled app (every page) in its one script, with no external source', () => {
    const html = reviewUiHtml();
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;

    expect(() => new Function(script)).not.toThrow();
    for (const label of ['Review', 'Approvals', 'Sales inbox', 'Funnel', 'Objections', 'Won'])
      expect(script).toContain(label);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('<div id="app">');
  });

  it("allows only the page's own script, its own origin and the sign-in server", () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(reviewUiHtml())![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    const csp = reviewUiCsp({ url: 'https://p.auth.eu-west-1.amazoncognito.com', clientId: 'c' });
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("connect-src 'self' https://p.auth.eu-west-1.amazoncognito.com;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(reviewUiCsp()).toContain("connect-src 'self';");
  });
});
