import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TABLE_LAYOUT } from '../shared/adapters/dynamodb/table.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { ProspectorFunction } from './constructs/prospector-function.ts';
import { ReviewApi } from './constructs/review-api.ts';
import { FUNCTION_SPECS } from './function-specs.ts';
import { acknowledgeWildcardOn } from './nag.ts';
import type { ProspectorSettings } from './settings.ts';

export interface StatelessStackProps extends StackProps {
  readonly settings: ProspectorSettings;
  readonly table: ITable;
  readonly engageQueue: IQueue;
  readonly engageDlq: IQueue;
  readonly xSecret: ISecret;
  /** The brand account's X user tokens (read and rewritten on every refresh). */
  readonly xTokenSecret: ISecret;
  /** Where the scheduled CRM export writes its files (under `crm/`). */
  readonly exportBucket: IBucket;
  /** Reddit/Bluesky credentials, when configured (context `sourcesSecretName`). */
  readonly sourcesSecret?: ISecret;
  /** The MQL webhook's URL, when configured (context `notifyWebhookSecretName`). */
  readonly notifyWebhookSecret?: ISecret;
  /** The key that signs the review API's page cursors. */
  readonly cursorKeySecret: ISecret;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
  /** Base URL of the Cognito hosted sign-in (the review UI's sign-in page). */
  readonly signInUrl: string;
}

/** The scheduled CRM export's files and watermark live under this prefix of the export bucket. */
const CRM_PREFIX = 'crm/';
/** The model registry's versions and promoted pointer live under this prefix of the export bucket. */
const MODELS_PREFIX = 'models/';
/** The index the funnel store lists won records by (gsi1pk `WON#<month>`), which the digest walks. */
const MONTHLY_INDEX = TABLE_LAYOUT.indexes[0].name;
/** The partition key of the digest's watermark item (pk DIGEST, sk WON), the only item it reads or writes. */
const DIGEST_PK = 'DIGEST';
/** The index the label store lists every label by (gsi1pk `LABELS`), which training reads. */
const LABELS_INDEX = TABLE_LAYOUT.indexes[0].name;
/** The index of leads by the day they changed, which the CRM export walks. */
const CHANGES_INDEX = TABLE_LAYOUT.indexes[1].name;

/** Acknowledgement reasons shared by the functions that are never invoked asynchronously. */
const SYNC_ONLY = {
  engage:
    'engage is invoked synchronously by its SQS event source mapping; a failed record returns to the ' +
    'queue and moves to the engagement DLQ after 5 receives. A function DLQ applies to async invocations only.',
  'review-api':
    'review-api is invoked synchronously by API Gateway, which returns the error to the caller; ' +
    'a function DLQ applies to async invocations only.',
} as const;

/**
 * The code and its triggers: replaceable at any time without touching data. Function grants are
 * the only IAM in this stack, and each is the narrowest `grant*` the handler's calls need.
 */
export class StatelessStack extends Stack {
  readonly discover: ProspectorFunction;
  readonly engage: ProspectorFunction;
  readonly reviewApi: ProspectorFunction;
  readonly crmExport: ProspectorFunction;
  readonly wonDigest: ProspectorFunction;
  readonly modelTrainer: ProspectorFunction;
  readonly api: ReviewApi;
  readonly schedule: Schedule;
  readonly crmExportSchedule: Schedule;
  readonly wonDigestSchedule: Schedule;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { settings, table, engageQueue, xSecret } = props;

    // One cycle at a time, never retried by Lambda: two overlapping cycles (a slow one and the next
    // schedule, or a retry of one that timed out) would read the same X pages twice, and pay twice.
    // A cycle that stops early leaves its state in DynamoDB and the next scheduled one resumes it.
    this.discover = new ProspectorFunction(this, 'Discover', {
      spec: FUNCTION_SPECS.discover,
      reservedConcurrentExecutions: 1,
      retryAttempts: 0,
      environment: {
        TABLE_NAME: table.tableName,
        ENGAGE_QUEUE_URL: engageQueue.queueUrl,
        X_SECRET_ARN: xSecret.secretArn,
        DISCOVERY_PAGE_SIZE: '100',
        DISCOVERY_MAX_PAGES: '20',
        DISCOVERY_BACKFILL_DAYS: '7',
      },
    });
    table.grantReadWriteData(this.discover.fn);
    engageQueue.grantSendMessages(this.discover.fn);
    xSecret.grantRead(this.discover.fn);
    // Mentions of the connected account: the user token, refreshed (rewritten) when it expires.
    this.grantTokenSecret(this.discover, props.xTokenSecret);
    if (props.sourcesSecret) {
      this.discover.fn.addEnvironment('SOURCES_SECRET_ARN', props.sourcesSecret.secretArn);
      props.sourcesSecret.grantRead(this.discover.fn);
    }

    this.engage = new ProspectorFunction(this, 'Engage', {
      spec: FUNCTION_SPECS.engage,
      environment: {
        TABLE_NAME: table.tableName,
        ENGAGE_MODE: settings.engageMode,
        ENGAGE_DAILY_CAP: String(settings.engageDailyCap),
      },
    });
    // Exactly what the worker calls: read a task, lead or connection (GetItem); claim, settle, take a
    // daily slot, lease a token refresh (UpdateItem). No Scan, no index, no delete.
    this.engage.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
      }),
    );
    this.grantTokenSecret(this.engage, props.xTokenSecret);
    this.engage.fn.addEnvironment('ENGAGE_QUEUE_URL', engageQueue.queueUrl);
    this.engage.fn.addEventSource(
      new SqsEventSource(engageQueue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 2 }),
    );

    this.reviewApi = new ProspectorFunction(this, 'ReviewApi', {
      spec: FUNCTION_SPECS.reviewApi,
      environment: { TABLE_NAME: table.tableName, ENGAGE_QUEUE_URL: engageQueue.queueUrl },
    });
    table.grantReadWriteData(this.reviewApi.fn);
    engageQueue.grantSendMessages(this.reviewApi.fn);
    this.reviewApi.fn.addEnvironment('CURSOR_KEY_SECRET_ARN', props.cursorKeySecret.secretArn);
    props.cursorKeySecret.grantRead(this.reviewApi.fn);
    // Connect writes the tokens; disconnect reads them to revoke, then forgets them.
    this.grantTokenSecret(this.reviewApi, props.xTokenSecret);
    if (settings.xClientId) {
      for (const fn of [this.discover, this.engage, this.reviewApi])
        fn.fn.addEnvironment('X_CLIENT_ID', settings.xClientId);
    }

    this.wonDigest = new ProspectorFunction(this, 'WonDigest', {
      spec: FUNCTION_SPECS.wonDigest,
      environment: { TABLE_NAME: table.tableName },
    });
    // It lists won records by month on gsi1 and reads and moves one watermark item; grantReadData
    // would add Scan, BatchGetItem and every index, so the grants are written out. LeadingKeys
    // limits GetItem/PutItem to items whose partition key is DIGEST.
    this.wonDigest.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${MONTHLY_INDEX}`],
      }),
    );
    this.wonDigest.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [DIGEST_PK] } },
      }),
    );

    // discover and review-api announce new MQLs (scoring, a reviewer's decision); won-digest posts
    // the weekly won customers through the same webhook.
    if (props.notifyWebhookSecret) {
      for (const fn of [this.discover, this.reviewApi, this.wonDigest]) {
        fn.fn.addEnvironment('NOTIFY_WEBHOOK_SECRET_ARN', props.notifyWebhookSecret.secretArn);
        props.notifyWebhookSecret.grantRead(fn.fn);
      }
    }

    this.api = new ReviewApi(this, 'Api', {
      handler: this.reviewApi.fn,
      userPool: props.userPool,
      userPoolClient: props.userPoolClient,
      allowedOrigins: settings.allowedOrigins,
    });
    this.reviewApi.fn.addEnvironment('SIGN_IN_URL', props.signInUrl);
    this.reviewApi.fn.addEnvironment('SIGN_IN_CLIENT_ID', this.api.uiClient.userPoolClientId);

    this.crmExport = new ProspectorFunction(this, 'CrmExport', {
      spec: FUNCTION_SPECS.crmExport,
      environment: {
        TABLE_NAME: table.tableName,
        EXPORT_BUCKET: props.exportBucket.bucketName,
        CRM_EXPORT_FORMAT: settings.crmExportFormat,
        CRM_EXPORT_STATES: settings.crmExportStates,
      },
    });
    // It only queries the change index, and its watermark lives beside its files, so it gets no
    // table write. Grants are written out because grantReadData and grantRead/grantPut add far more
    // (Scan, streams, s3:GetObject*, s3:List*, s3:Abort*); ListBucket makes a missing watermark a
    // 404 rather than a 403.
    this.crmExport.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${CHANGES_INDEX}`],
      }),
    );
    this.crmExport.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [props.exportBucket.arnForObjects(`${CRM_PREFIX}*`)],
      }),
    );
    this.crmExport.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.exportBucket.bucketArn] }),
    );

    // The model registry. The trainer reads labels (gsi1 only) and reads and writes models/*;
    // discover reads models/* (the promoted version at cold start); review-api may only start the
    // trainer. Listing is limited to the models/ prefix: a missing key is checked by listing.
    this.modelTrainer = new ProspectorFunction(this, 'ModelTrainer', {
      spec: FUNCTION_SPECS.modelTrainer,
      reservedConcurrentExecutions: 1,
      retryAttempts: 0,
      environment: { TABLE_NAME: table.tableName, MODEL_BUCKET: props.exportBucket.bucketName },
    });
    this.modelTrainer.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${LABELS_INDEX}`],
      }),
    );
    this.modelTrainer.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [props.exportBucket.arnForObjects(`${MODELS_PREFIX}*`)],
      }),
    );
    this.discover.fn.addEnvironment('MODEL_BUCKET', props.exportBucket.bucketName);
    this.discover.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [props.exportBucket.arnForObjects(`${MODELS_PREFIX}*`)],
      }),
    );
    for (const fn of [this.modelTrainer, this.discover])
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [props.exportBucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${MODELS_PREFIX}*`] } },
        }),
      );
    this.modelTrainer.fn.grantInvoke(this.reviewApi.fn);
    this.reviewApi.fn.addEnvironment('TRAINER_FUNCTION_NAME', this.modelTrainer.fn.functionName);

    this.schedule = this.scheduleFunction('DiscoverySchedule', this.discover, {
      description: 'Runs the discovery cycle',
      expression: settings.schedule,
      source: 'prospector.schedule',
      maxEventAge: Duration.minutes(10),
      // The next scheduled cycle is the retry; the Scheduler must not start a second one meanwhile.
      retryAttempts: 0,
    });
    this.crmExportSchedule = this.scheduleFunction('CrmExportSchedule', this.crmExport, {
      description: 'Writes leads changed since the last run to the export bucket',
      expression: settings.crmExportSchedule,
      source: 'prospector.crm-export',
      maxEventAge: Duration.minutes(30),
    });
    this.wonDigestSchedule = this.scheduleFunction('WonDigestSchedule', this.wonDigest, {
      description: 'Posts the customers won since the last digest to the chat webhook',
      expression: settings.wonDigestSchedule,
      source: 'prospector.won-digest',
      maxEventAge: Duration.hours(1),
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: {
        [FUNCTION_SPECS.discover.name]: this.discover.fn,
        [FUNCTION_SPECS.engage.name]: this.engage.fn,
        [FUNCTION_SPECS.reviewApi.name]: this.reviewApi.fn,
        [FUNCTION_SPECS.crmExport.name]: this.crmExport.fn,
        [FUNCTION_SPECS.wonDigest.name]: this.wonDigest.fn,
        [FUNCTION_SPECS.modelTrainer.name]: this.modelTrainer.fn,
      },
      queue: engageQueue,
      dlq: props.engageDlq,
      ...(settings.alarmEmail ? { alarmEmail: settings.alarmEmail } : {}),
    });

    this.acknowledgeFindings(table, props.exportBucket);
  }

  /**
   * Reads and rewrites the user-token secret: GetSecretValue and PutSecretValue on that one secret,
   * named in the function's environment. (grantRead/grantWrite would add DescribeSecret and UpdateSecret.)
   */
  private grantTokenSecret(fn: ProspectorFunction, secret: ISecret): void {
    fn.fn.addEnvironment('X_TOKEN_SECRET_ARN', secret.secretArn);
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'],
        resources: [secret.secretArn],
      }),
    );
  }

  /** Invokes `fn` on `expression` with a constant input naming the schedule, retried twice unless told. */
  private scheduleFunction(
    id: string,
    fn: ProspectorFunction,
    props: {
      description: string;
      expression: string;
      source: string;
      maxEventAge: Duration;
      retryAttempts?: number;
    },
  ): Schedule {
    return new Schedule(this, id, {
      description: props.description,
      schedule: ScheduleExpression.expression(props.expression),
      target: new LambdaInvoke(fn.fn, {
        input: ScheduleTargetInput.fromObject({ source: props.source }),
        retryAttempts: props.retryAttempts ?? 2,
        maxEventAge: props.maxEventAge,
      }),
    });
  }

  /** Findings a reviewer accepts for the reasons given; each is tied to the construct it is about. */
  private acknowledgeFindings(table: ITable, exportBucket: IBucket): void {
    const onDiscover =
      'discover is invoked asynchronously only by the Scheduler with a constant payload. A failed cycle ' +
      'leaves its state in DynamoDB (cursor not advanced, prospects pending, follow-ups in the outbox) ' +
      'and is redone by the next scheduled run (no retries, so cycles never overlap); a DLQ would only ' +
      'collect copies of that payload. ' +
      'Failures raise the discover Errors alarm.';
    const onCrmExport =
      'crm-export is invoked asynchronously only by the Scheduler with a constant payload. Its state is ' +
      'the watermark in the bucket, saved only after the file it covers, so a failed run is redone by ' +
      "Lambda's retries and the next scheduled run; a DLQ would only collect copies of that payload. " +
      'Failures raise the crm-export Errors alarm.';
    const onWonDigest =
      'won-digest is invoked asynchronously only by the Scheduler with a constant payload. It moves its ' +
      'watermark only after the digest is posted, so a failed run is redone (the same customers, sent ' +
      "again) by Lambda's retries and the next weekly run; a DLQ would only collect copies of that " +
      'payload. Failures raise the won-digest Errors alarm.';
    const fns = [
      [this.discover, onDiscover],
      [this.engage, SYNC_ONLY.engage],
      [this.reviewApi, SYNC_ONLY['review-api']],
    ] as const;
    for (const [fn, reason] of fns) {
      Validations.of(fn.fn).acknowledge({ id: 'Serverless-LambdaDLQ', reason });
      if (fn === this.engage) continue;
      acknowledgeWildcardOn(
        fn.role,
        table.tableArn,
        '/index/*',
        'grantReadWriteData adds <table ARN>/index/* so queries can use the GSIs; the wildcard is ' +
          "limited to the indexes of Prospector's own table (gsi1-3).",
      );
    }
    // retryAttempts: 0 adds an EventInvokeConfig; a failure destination would hold the same payload.
    Validations.of(this.discover.fn).acknowledge({
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason: onDiscover,
    });
    Validations.of(this.crmExport.fn).acknowledge({ id: 'Serverless-LambdaDLQ', reason: onCrmExport });
    Validations.of(this.wonDigest.fn).acknowledge({ id: 'Serverless-LambdaDLQ', reason: onWonDigest });
    acknowledgeWildcardOn(
      this.crmExport.role,
      exportBucket.bucketArn,
      `/${CRM_PREFIX}*`,
      'crm-export reads and writes its own files and watermark, whose names it makes per run; the ' +
        'wildcard is limited to the crm/ prefix of the export bucket and to s3:GetObject and s3:PutObject.',
    );
    for (const fn of [this.discover, this.crmExport, this.wonDigest]) {
      acknowledgeWildcardOn(
        this,
        fn.fn.functionArn,
        ':*',
        "A Scheduler target's lambda:InvokeFunction covers its one function and that function's " +
          'versions and aliases (<arn>:*); it names no other function.',
      );
    }
    const onTrainer =
      'model-trainer is invoked asynchronously only by the review API when an admin asks for a training ' +
      'run, with no retries (a run is minutes of compute; the admin asks again). A failed run writes ' +
      'no version (a version is stored only once trained and measured), so a DLQ would hold only the ' +
      'request. Failures raise the model-trainer Errors alarm.';
    Validations.of(this.modelTrainer.fn).acknowledge({ id: 'Serverless-LambdaDLQ', reason: onTrainer });
    Validations.of(this.modelTrainer.fn).acknowledge({
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason: onTrainer,
    });
    for (const fn of [this.modelTrainer, this.discover])
      acknowledgeWildcardOn(
        fn.role,
        exportBucket.bucketArn,
        `/${MODELS_PREFIX}*`,
        'The model registry names its files by content hash (versions/<hash>/model.json); the wildcard ' +
          'is limited to the models/ prefix of the export bucket (discover: s3:GetObject only; the ' +
          'trainer: s3:GetObject and s3:PutObject).',
      );
    acknowledgeWildcardOn(
      this.reviewApi.role,
      this.modelTrainer.fn.functionArn,
      ':*',
      'grantInvoke covers the trainer function and its versions and aliases (<arn>:*); it names no other function.',
    );
    Validations.of(this.engage.fn).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        'On-failure destinations exist only for stream and Kafka event sources, not SQS. A failed engage ' +
        'record is retried by SQS and moved to the engagement DLQ (alarmed) after 5 receives.',
    });
  }
}
