import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionSpec } from '../function-specs.ts';
import { toNodejsBundling } from './bundling.ts';
import { runtimePackageDirs } from './runtime-packages.ts';

export interface ProspectorFunctionProps {
  readonly spec: FunctionSpec;
  /** Settings the handler's zod config schema reads; shared defaults are added here. */
  readonly environment: Record<string, string>;
  /** Concurrent executions reserved (and so capped); none by default. */
  readonly reservedConcurrentExecutions?: number;
  /** Lambda's own retries of an asynchronous invocation (0-2); Lambda's default (2) when unset. */
  readonly retryAttempts?: number;
}

/**
 * A NodejsFunction with the defaults every Prospector Lambda must share (runtime, arm64, tracing,
 * ESM bundle, one-month logs), so a new function cannot quietly differ. Its role starts empty:
 * it may write to its own log group and nothing else until a `grant*` call says otherwise
 * (no AWSLambdaBasicExecutionRole, which allows writing to every log group in the account).
 */
export class ProspectorFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: ProspectorFunctionProps) {
    super(scope, id);
    const { spec } = props;

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Prospector ${spec.name} function`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: spec.entry,
      handler: 'handler',
      description: spec.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      environment: {
        POWERTOOLS_SERVICE_NAME: spec.name,
        POWERTOOLS_METRICS_NAMESPACE: 'Prospector',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: toNodejsBundling([
        ...(spec.copyFiles ?? []),
        ...runtimePackageDirs(spec.runtimePackages ?? []),
      ]),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      retryAttempts: props.retryAttempts,
    });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only xray:PutTraceSegments and xray:PutTelemetryRecords (added by Tracing.ACTIVE) use Resource *; ' +
        'X-Ray has no resource-level permissions for these actions.',
    });
  }
}
