import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourceRenderer } from './policy-render.ts';
import { SYNTH_TIMEOUT_MS, synthApp } from './synth-app.ts';

let t: Template;
let render: (v: unknown) => string;
beforeAll(() => {
  const s = synthApp({ allowedOrigins: ['https://review.example.com'] });
  t = s.statelessTemplate;
  render = resourceRenderer(t, s.statefulTemplate).render;
}, SYNTH_TIMEOUT_MS);

/**
 * Whether an HTTP API route key could serve a request: the method is equal or ANY, and the path is
 * equal, fills its {params} with one segment each, or is covered by a greedy {proxy+} (one or more
 * segments). API Gateway prefers the most specific match; here any match counts, so an
 * unauthenticated route that could catch a data path shows up.
 */
function matches(routeKey: string, call: string): boolean {
  const [method, path] = routeKey.split(' ') as [string, string];
  const [callMethod, callPath] = call.split(' ') as [string, string];
  if (method !== 'ANY' && method !== callMethod) return false;
  const pattern = path
    .split('/')
    .map((seg) =>
      seg === '{proxy+}' ? '.+' : /^\{.+\}$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${pattern}$`).test(callPath);
}

describe('review API', () => {
  it('serves the page and the X OAuth callback without a token; every data route (ANY /{proxy+}) requires the Cognito JWT', () => {
    const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    const byKey = Object.fromEntries(routes.map((r) => [r.RouteKey, r]));
    expect(Object.keys(byKey).sort()).toEqual(['ANY /{proxy+}', 'GET /', 'GET /api/x-account/callback']);
    for (const open of ['GET /', 'GET /api/x-account/callback']) {
      expect(byKey[open]).toMatchObject({ AuthorizationType: 'NONE' });
      expect(byKey[open].AuthorizerId).toBeUndefined();
    }
    expect(byKey['ANY /{proxy+}']).toMatchObject({ AuthorizationType: 'JWT' });
    expect(byKey['ANY /{proxy+}'].AuthorizerId).toBeDefined();
  });

  it('puts the sales loop routes (reports, won, codes) behind the JWT: the only route they can match is ANY /{proxy+}', () => {
    const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    const calls = [
      'GET /api/reports/funnel',
      'GET /api/reports/objections',
      'GET /api/reports/suggestions',
      'GET /api/won',
      'GET /api/codes',
      'POST /api/codes',
      'POST /api/leads/x/1/decision',
    ];
    for (const call of calls) {
      const matched = routes.filter((r) => matches(r.RouteKey, call));
      expect(
        matched.map((r) => r.RouteKey),
        call,
      ).toEqual(['ANY /{proxy+}']);
      expect(matched[0]).toMatchObject({ AuthorizationType: 'JWT' });
    }
    expect(routes.filter((r) => matches(r.RouteKey, 'GET /')).map((r) => r.RouteKey)).toEqual(['GET /']);
  });

  it('trusts tokens from our user pool for our two app clients only (API/CLI and the review page)', () => {
    const [authorizer] = Object.values(t.findResources('AWS::ApiGatewayV2::Authorizer'));
    const jwt = authorizer!.Properties.JwtConfiguration;
    expect(authorizer!.Properties.AuthorizerType).toBe('JWT');
    expect(render(jwt.Issuer)).toBe('https://cognito-idp.AWS::Region.amazonaws.com/Users');
    expect(jwt.Audience.map(render)).toEqual(['UsersReviewClient', 'ApiUiClient']);
  });

  it("signs the page's user in with the code grant on a public client that returns only to the API's root", () => {
    const [client] = Object.values(t.findResources('AWS::Cognito::UserPoolClient')).map((r) => r.Properties);
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email'],
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(client.CallbackURLs.map(render)).toEqual(['Api.ApiEndpoint/']);
    expect(client.LogoutURLs.map(render)).toEqual(client.CallbackURLs.map(render));
    expect(client.ExplicitAuthFlows ?? []).not.toContain('ALLOW_USER_PASSWORD_AUTH');
  });

  it('throttles the default stage and writes JSON access logs', () => {
    const [stage] = Object.values(t.findResources('AWS::ApiGatewayV2::Stage')).map((r) => r.Properties);
    expect(stage).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 50, ThrottlingRateLimit: 20 },
    });
    expect(render(stage.AccessLogSettings.DestinationArn)).toMatch(/AccessLogs\.Arn$/);
    expect(JSON.parse(stage.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId' });
  });

  it('allows CORS only from the configured origins', () => {
    const [api] = Object.values(t.findResources('AWS::ApiGatewayV2::Api')).map((r) => r.Properties);
    expect(api.CorsConfiguration).toMatchObject({
      AllowOrigins: ['https://review.example.com'],
      AllowHeaders: ['authorization', 'content-type'],
    });
  });
});
