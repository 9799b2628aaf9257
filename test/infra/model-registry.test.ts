import { Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProspectorFunction } from '../../infra/constructs/prospector-function.ts';
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
const env = (fn: ProspectorFunction) =>
  t.toJSON().Resources[logicalId(fn)].Properties.Environment.Variables as Record<string, unknown>;
const LIST_MODELS = {
  actions: ['s3:ListBucket'],
  resources: ['Exports.Arn'],
  conditions: { StringLike: { 's3:prefix': ['models/*'] } },
};

describe('the model registry on AWS: models/ in the export bucket, least privilege', () => {
  it('model-trainer: reads labels through gsi1 only, reads and writes models/* only, lists only under models/', () => {
    expect(policy.statementsOf(roleId(s.stateless.modelTrainer))).toEqual([
      { actions: ['dynamodb:Query'], resources: ['Table.Arn/index/gsi1'] },
      { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: ['ModelTrainerLogs.Arn'] },
      { actions: ['s3:GetObject', 's3:PutObject'], resources: ['Exports.Arn/models/*'] },
      LIST_MODELS,
      { actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resources: ['*'] },
    ]);
    expect(policy.render(env(s.stateless.modelTrainer).MODEL_BUCKET)).toBe('Exports');
  });

  it('discover: reads models/* (never writes) and lists only under models/, the bucket named in its environment', () => {
    const statements = policy.statementsOf(roleId(s.stateless.discover));

    expect(statements).toContainEqual({ actions: ['s3:GetObject'], resources: ['Exports.Arn/models/*'] });
    expect(statements).toContainEqual(LIST_MODELS);
    expect(JSON.stringify(statements)).not.toContain('s3:PutObject');
    expect(policy.render(env(s.stateless.discover).MODEL_BUCKET)).toBe('Exports');
  });

  it('review-api: may invoke the trainer function and nothing else of it, named in its environment; no S3', () => {
    const statements = policy.statementsOf(roleId(s.stateless.reviewApi));
    const trainer = logicalId(s.stateless.modelTrainer).replace(/[0-9A-F]{8}$/, '');

    expect(statements).toContainEqual({
      actions: ['lambda:InvokeFunction'],
      resources: [`${trainer}.Arn`, `${trainer}.Arn:*`],
    });
    expect(JSON.stringify(statements)).not.toContain('s3:');
    expect(policy.render(env(s.stateless.reviewApi).TRAINER_FUNCTION_NAME)).toBe(trainer);
  });

  it('no other function touches models/', () => {
    const { engage, crmExport, wonDigest } = s.stateless;
    for (const fn of [engage, crmExport, wonDigest])
      expect(JSON.stringify(policy.statementsOf(roleId(fn)))).not.toContain('models/');
  });

  it('the trainer runs one at a time, with no Lambda retries, within 15 minutes', () => {
    const props = t.toJSON().Resources[logicalId(s.stateless.modelTrainer)].Properties;

    expect(props.Timeout).toBe(900);
    expect(props.ReservedConcurrentExecutions).toBe(1);
    t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalId(s.stateless.modelTrainer) },
      MaximumRetryAttempts: 0,
    });
  });
});
