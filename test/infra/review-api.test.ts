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
