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
  it('has GET / and ANY /{proxy+}, and every route requires the Cognito JWT', () => {
    const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(['ANY /{proxy+}', 'GET /']);
    for (const route of routes) {
      expect(route.AuthorizationType).toBe('JWT');
      expect(route.AuthorizerId).toBeDefined();
    }
  });

  it('trusts tokens from our user pool for our app client only', () => {
    const [authorizer] = Object.values(t.findResources('AWS::ApiGatewayV2::Authorizer'));
    const jwt = authorizer!.Properties.JwtConfiguration;
    expect(authorizer!.Properties.AuthorizerType).toBe('JWT');
    expect(render(jwt.Issuer)).toBe('https://cognito-idp.AWS::Region.amazonaws.com/Users');
    expect(jwt.Audience.map(render)).toEqual(['UsersReviewClient']);
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
