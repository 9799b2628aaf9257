import { describe, expect, it } from 'vitest';
import { reviewUiHtml } from '../../functions/review-api/ui.ts';

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
});
