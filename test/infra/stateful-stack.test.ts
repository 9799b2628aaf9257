import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_SPECS } from '../../infra/function-specs.ts';
import { TABLE_LAYOUT } from '../../shared/adapters/dynamodb/table.ts';
import { SYNTH_TIMEOUT_MS, synthApp } from './synth-app.ts';

let t: Template;
beforeAll(() => {
  t = synthApp().statefulTemplate;
}, SYNTH_TIMEOUT_MS);

describe('table', () => {
  it('is built from TABLE_LAYOUT: keys, GSIs, TTL', () => {
    const s = (name: string) => ({ AttributeName: name, AttributeType: 'S' });
    const key = (pk: string, sk: string) => [
      { AttributeName: pk, KeyType: 'HASH' },
      { AttributeName: sk, KeyType: 'RANGE' },
    ];
    const names = [
      TABLE_LAYOUT.partitionKey,
      TABLE_LAYOUT.sortKey,
      ...TABLE_LAYOUT.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
    ];
    t.resourceCountIs('AWS::DynamoDB::Table', 1);
    t.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: key(TABLE_LAYOUT.partitionKey, TABLE_LAYOUT.sortKey),
      AttributeDefinitions: Match.arrayWith(names.map(s)),
      GlobalSecondaryIndexes: TABLE_LAYOUT.indexes.map((i) => ({
        IndexName: i.name,
        KeySchema: key(i.partitionKey, i.sortKey),
        Projection: { ProjectionType: 'ALL' },
      })),
      TimeToLiveSpecification: { AttributeName: TABLE_LAYOUT.ttlAttribute, Enabled: true },
    });
  });

  it('is on demand, recoverable, protected and retained', () => {
    t.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        // SSEEnabled without a key = the AWS-managed key aws/dynamodb.
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });
});

describe('engagement queue', () => {
  it('hides a message 6x the engage timeout and dead-letters it after 5 receives', () => {
    expect(FUNCTION_SPECS.engage.timeoutSeconds).toBe(30);
    t.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 6 * FUNCTION_SPECS.engage.timeoutSeconds,
      SqsManagedSseEnabled: true,
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EngageDlq'), 'Arn'] },
        maxReceiveCount: 5,
      },
    });
  });

  it('keeps dead letters 14 days', () => {
    t.hasResourceProperties('AWS::SQS::Queue', {
      MessageRetentionPeriod: 14 * 24 * 3600,
      SqsManagedSseEnabled: true,
      RedrivePolicy: Match.absent(),
    });
  });

  it('refuses non-TLS access to both queues', () => {
    const policies = t.findResources('AWS::SQS::QueuePolicy');
    expect(Object.keys(policies)).toHaveLength(2);
    for (const p of Object.values(policies)) {
      expect(p.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });
});

describe('X secret', () => {
  it('is named from context and holds only a placeholder until the operator sets it', () => {
    t.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'prospector/x-api',
      GenerateSecretString: {},
      SecretString: Match.absent(),
    });
  });
});

describe('export bucket', () => {
  it('is private, encrypted, versioned, TLS-only, logged, and expires exports after 90 days', () => {
    t.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^AccessLogs') } },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ Id: 'expire-exports', ExpirationInDays: 90, Status: 'Enabled' }),
          ]),
        },
      }),
    });
  });
});

describe('sources secret', () => {
  it(
    'exists only when context names it, seeded with an empty JSON object',
    () => {
      // The X bearer token and the brand account's user tokens are always there.
      expect(Object.keys(t.findResources('AWS::SecretsManager::Secret'))).toHaveLength(2);
      synthApp({ sourcesSecretName: 'prospector/sources' }).statefulTemplate.hasResourceProperties(
        'AWS::SecretsManager::Secret',
        { Name: 'prospector/sources', SecretString: '{}' },
      );
    },
    SYNTH_TIMEOUT_MS,
  );
});

describe("the brand account's X user-token secret", () => {
  it('is named from settings and seeded "none" (no account connected); the app writes the tokens', () => {
    t.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'prospector/x-user-tokens',
      SecretString: 'none',
    });
  });
});

describe('user pool', () => {
  it('is admin-managed with TOTP MFA and a public client', () => {
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
    });
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', { GenerateSecret: false });
  });

  it(
    'has a hosted sign-in domain, prospector-<account> unless context names one',
    () => {
      t.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
        Domain: { 'Fn::Join': ['-', ['prospector', { Ref: 'AWS::AccountId' }]] },
      });
      const named = synthApp({ signInDomainPrefix: 'acme-prospector' }).statefulTemplate;
      named.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'acme-prospector' });
      expect(() => synthApp({ signInDomainPrefix: 'My_Cognito' })).toThrow(/context signInDomainPrefix/);
    },
    SYNTH_TIMEOUT_MS,
  );
});
