import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  type IUserPool,
  type IUserPoolClient,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ReviewApiProps {
  readonly handler: IFunction;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
  /** Browser origins for CORS; none means no CORS configuration at all. */
  readonly allowedOrigins: string[];
}

/** One JSON line per request; `sub` names the caller without logging an email address. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    method: '$context.httpMethod',
    route: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
    bytes: '$context.responseLength',
    sub: '$context.authorizer.claims.sub',
    authError: '$context.authorizer.error',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/**
 * The review API: an HTTP API whose every data route requires a Cognito-issued JWT, checked by API
 * Gateway before the Lambda runs (the handler trusts the claims it is given). Only `GET /`, the
 * review page itself (static HTML, no data), and API Gateway's CORS preflight answer without a
 * token; the page signs its user in through the hosted UI with its own public app client.
 */
export class ReviewApi extends Construct {
  readonly api: HttpApi;
  readonly accessLogs: LogGroup;
  /** The review page's app client: authorization code + PKCE, no secret, redirecting to this API. */
  readonly uiClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: ReviewApiProps) {
    super(scope, id);
    const region = Stack.of(this).region;

    this.api = new HttpApi(this, 'Api', {
      description: 'Prospector review API',
      createDefaultStage: false,
      ...(props.allowedOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: props.allowedOrigins,
              allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
              allowHeaders: ['authorization', 'content-type'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    // The page comes back to the API's root after signing in (and after signing out).
    const page = `${this.api.apiEndpoint}/`;
    this.uiClient = new UserPoolClient(this, 'UiClient', {
      userPool: props.userPool,
      generateSecret: false,
      authFlows: {},
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [page],
        logoutUrls: [page],
      },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    const authorizer = new HttpJwtAuthorizer(
      'Cognito',
      `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
      { jwtAudience: [props.userPoolClient.userPoolClientId, this.uiClient.userPoolClientId] },
    );

    const integration = new HttpLambdaIntegration('Handler', props.handler);
    const [pageRoute] = this.api.addRoutes({
      path: '/',
      methods: [HttpMethod.GET],
      integration,
      authorizer: new HttpNoneAuthorizer(),
    });
    Validations.of(pageRoute!).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'GET / returns the review page: fixed HTML and script with no data and no side effects, which a ' +
        'browser must load before it can sign in. Every other route (all data) requires a Cognito JWT.',
    });
    const [callbackRoute] = this.api.addRoutes({
      path: '/api/x-account/callback',
      methods: [HttpMethod.GET],
      integration,
      authorizer: new HttpNoneAuthorizer(),
    });
    Validations.of(callbackRoute!).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        "GET /api/x-account/callback is where X's OAuth consent page sends the admin's browser back, and a " +
        'browser redirect carries no JWT. It acts only with the single-use, ten-minute state that an ' +
        "admin's authenticated connect call created, and the PKCE verifier never leaves the server.",
    });
    this.api.addRoutes({ path: '/{proxy+}', methods: [HttpMethod.ANY], integration, authorizer });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: 50, rateLimit: 20 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: ACCESS_LOG_FORMAT,
      },
    });

    new CfnOutput(Stack.of(this), 'ReviewApiUrl', { value: stage.url });
  }
}
