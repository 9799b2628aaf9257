import {
  Aws,
  CfnOutput,
  Duration,
  Fn,
  RemovalPolicy,
  SecretValue,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TABLE_LAYOUT } from '../shared/adapters/dynamodb/table.ts';
import { NO_WEBHOOK } from '../shared/config.ts';
import type { Role } from '../shared/domain/roles.ts';
import { NO_TOKENS } from '../shared/domain/x-connection.ts';
import { ENGAGE_VISIBILITY_TIMEOUT_SECONDS } from './function-specs.ts';

export interface StatefulStackProps extends StackProps {
  /** Secrets Manager name of the X bearer token (context `xSecretName`). */
  readonly xSecretName: string;
  /** Secrets Manager name of the brand account's X user tokens (context `xTokenSecretName`). */
  readonly xTokenSecretName: string;
  /** Name of the Reddit/Bluesky credentials secret (context `sourcesSecretName`); none when unset. */
  readonly sourcesSecretName?: string;
  /** Name of the MQL webhook secret (context `notifyWebhookSecretName`); none when unset. */
  readonly notifyWebhookSecretName?: string;
  /** Hosted sign-in domain prefix (context `signInDomainPrefix`); default `prospector-<account>`. */
  readonly signInDomainPrefix?: string;
}

const str = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * The user pool's groups, one per role in `shared/domain/roles.ts`. Cognito puts a user's groups in
 * the `cognito:groups` claim of their ID and access tokens, which the review API reads; a person in
 * no group can sign in but may do nothing that needs a role.
 */
export const USER_GROUPS: Record<Role, string> = {
  marketer: 'Marketers: review leads and approve engagement tasks',
  sales: 'Sales: accept, reject, mark won or lost the MQLs handed over',
  admin: 'Admins: publish MQL definitions, reason codes and campaigns; erase people',
};

/**
 * Everything that holds data or identity and must survive a redeploy of the code: the table, the
 * engagement queue, the X token, CRM exports and the reviewers' user pool. The stateless stack
 * receives these as typed construct references.
 */
export class StatefulStack extends Stack {
  readonly table: Table;
  readonly engageQueue: Queue;
  readonly engageDlq: Queue;
  readonly xSecret: Secret;
  /** The brand account's OAuth tokens: written by the connect flow and every refresh. */
  readonly xTokenSecret: Secret;
  readonly exportBucket: Bucket;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** Reddit and Bluesky credentials (JSON), when the deployment uses those sources. */
  readonly sourcesSecret?: Secret;
  readonly notifyWebhookSecret?: Secret;
  /** Signs the review API's page cursors (a random string CloudFormation generates). */
  readonly cursorKeySecret: Secret;
  /** The hosted sign-in page the review UI sends people to. */
  readonly userPoolDomain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    this.table = new Table(this, 'Table', {
      partitionKey: str(TABLE_LAYOUT.partitionKey),
      sortKey: str(TABLE_LAYOUT.sortKey),
      timeToLiveAttribute: TABLE_LAYOUT.ttlAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of TABLE_LAYOUT.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: str(index.partitionKey),
        sortKey: str(index.sortKey),
      });
    }

    this.engageDlq = new Queue(this, 'EngageDlq', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.engageDlq).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'This queue is the dead-letter queue of the engagement queue; a DLQ has no DLQ of its own.',
    });
    this.engageQueue = new Queue(this, 'EngageQueue', {
      visibilityTimeout: Duration.seconds(ENGAGE_VISIBILITY_TIMEOUT_SECONDS),
      deadLetterQueue: { queue: this.engageDlq, maxReceiveCount: 5 },
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });

    // The secret string is the bearer token itself; CloudFormation seeds a random placeholder
    // that the operator replaces (docs/deploy.md), so no token ever passes through a template.
    this.xSecret = this.operatorSecret('XBearerToken', {
      secretName: props.xSecretName,
      description: 'X API v2 app-only bearer token (the secret string is the token)',
      whyNotRotated:
        'The X bearer token is issued in the X developer portal, which has no API to rotate it; ' +
        'rotation is a manual regenerate-and-put-secret-value step (docs/deploy.md).',
    });

    // Seeded with "none" (no account connected); the review API's connect flow writes the tokens.
    this.xTokenSecret = new Secret(this, 'XUserTokens', {
      secretName: props.xTokenSecretName,
      description: "The brand's X account OAuth 2.0 user tokens (written by Prospector, never by hand)",
      secretStringValue: SecretValue.unsafePlainText(NO_TOKENS),
    });
    Validations.of(this.xTokenSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Prospector rotates these tokens itself: every refresh (about every two hours) writes a new ' +
        'access and single-use refresh token, under a DynamoDB lease; a Secrets Manager rotation ' +
        "Lambda would spend the refresh token behind the workers' backs and lock the account out.",
    });

    if (props.sourcesSecretName) {
      // Seeded with an empty JSON object; the operator puts the credentials (docs/deploy.md).
      this.sourcesSecret = this.operatorSecret('SourcesCredentials', {
        secretName: props.sourcesSecretName,
        description: 'Reddit and Bluesky credentials for discovery (JSON object, see docs/sources.md)',
        seed: '{}',
        whyNotRotated:
          'Reddit app secrets and Bluesky app passwords are issued on those sites, which have no API to ' +
          'rotate them; Prospector mints and refreshes the short-lived tokens itself.',
      });
    }

    if (props.notifyWebhookSecretName) {
      // Seeded with "none" (announce nothing); the operator puts the webhook URL (docs/deploy.md).
      this.notifyWebhookSecret = this.operatorSecret('NotifyWebhook', {
        secretName: props.notifyWebhookSecretName,
        description: 'Chat webhook URL that announces new MQLs to sales, or "none"',
        seed: NO_WEBHOOK,
        whyNotRotated:
          'Incoming-webhook URLs are issued by the chat service (Slack, Teams), which has no API to ' +
          'rotate them; rotation is a regenerate-and-put-secret-value step.',
      });
    }

    // Generated here and never seen by anyone: only the review API reads it.
    this.cursorKeySecret = new Secret(this, 'CursorKey', {
      description: "Key that signs the review API's page cursors (HMAC); generated, never shown",
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.cursorKeySecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the cursor key only makes page cursors in flight invalid (the API answers 400 and ' +
        'the client starts its page walk again); it holds no credential to another system, so a ' +
        'manual regenerate is enough (docs/deploy.md).',
    });

    this.exportBucket = this.createExportBucket();
    [this.userPool, this.userPoolClient] = this.createUserPool();
    this.userPoolDomain = this.userPool.addDomain('SignIn', {
      cognitoDomain: {
        domainPrefix: props.signInDomainPrefix ?? Fn.join('-', ['prospector', Aws.ACCOUNT_ID]),
      },
    });

    // For the operator's commands in docs/deploy.md.
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'XSecretArn', { value: this.xSecret.secretArn });
    new CfnOutput(this, 'XUserTokensSecretArn', { value: this.xTokenSecret.secretArn });
    if (this.sourcesSecret) new CfnOutput(this, 'SourcesSecretArn', { value: this.sourcesSecret.secretArn });
    if (this.notifyWebhookSecret)
      new CfnOutput(this, 'NotifyWebhookSecretArn', { value: this.notifyWebhookSecret.secretArn });
    new CfnOutput(this, 'ExportBucketName', { value: this.exportBucket.bucketName });
    new CfnOutput(this, 'EngageDlqUrl', { value: this.engageDlq.queueUrl });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'SignInUrl', { value: this.userPoolDomain.baseUrl() });
  }

  /**
   * A secret the operator fills in after deploy (docs/deploy.md): CloudFormation seeds `seed`, or
   * a random placeholder, so no credential ever passes through a template. None of them can be
   * rotated by Lambda, because the services that issue them have no API for it.
   */
  private operatorSecret(
    id: string,
    props: { secretName: string; description: string; seed?: string; whyNotRotated: string },
  ): Secret {
    const secret = new Secret(this, id, {
      secretName: props.secretName,
      description: props.description,
      ...(props.seed === undefined ? {} : { secretStringValue: SecretValue.unsafePlainText(props.seed) }),
    });
    Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: props.whyNotRotated });
    return secret;
  }

  private createExportBucket(): Bucket {
    const accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED, // server access logging cannot write to SSE-KMS buckets
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    return new Bucket(this, 'Exports', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'exports/',
      lifecycleRules: [
        {
          id: 'expire-exports',
          // Exports hold personal data: current versions go after 90 days, replaced ones after 7.
          expiration: Duration.days(90),
          noncurrentVersionExpiration: Duration.days(7),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        { id: 'drop-delete-markers', expiredObjectDeleteMarker: true },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** Reviewers and sales reps; admins create users (no self sign-up), TOTP is required. */
  private createUserPool(): [UserPool, UserPoolClient] {
    const pool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const client = pool.addClient('ReviewClient', {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    for (const [name, description] of Object.entries(USER_GROUPS)) {
      new CfnUserPoolGroup(this, `Group-${name}`, {
        userPoolId: pool.userPoolId,
        groupName: name,
        description,
      });
    }
    return [pool, client];
  }
}
