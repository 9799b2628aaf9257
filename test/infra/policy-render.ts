import type { Template } from 'aws-cdk-lib/assertions';

type Json = unknown;

/**
 * Renders IAM policy resources as readable names so tests can pin them exactly:
 * `Table.Arn`, `Table.Arn/index/*`, `EngageQueue.Arn`, `XBearerToken`, `DiscoverLogs.Arn`.
 * Cross-stack values (Fn::GetStackOutput) are followed to the producing stack's output.
 */
export function resourceRenderer(consumer: Template, producer: Template) {
  const outputs = producer.toJSON().Outputs as Record<string, { Value: Json }>;
  const friendly = (logicalId: string) => logicalId.replace(/[0-9A-F]{8}$/, '');

  const render = (value: Json): string => {
    if (typeof value === 'string') return value;
    const v = value as Record<string, Json>;
    if (v['Fn::GetStackOutput']) {
      const { OutputName } = v['Fn::GetStackOutput'] as { OutputName: string };
      const output = outputs[OutputName];
      if (!output) throw new Error(`no output ${OutputName} in the producing stack`);
      return render(output.Value);
    }
    if (v['Fn::GetAtt']) {
      const [id, attr] = v['Fn::GetAtt'] as [string, string];
      return `${friendly(id)}.${attr}`;
    }
    if (v.Ref) return friendly(v.Ref as string);
    if (v['Fn::Join']) {
      const [sep, parts] = v['Fn::Join'] as [string, Json[]];
      return parts.map(render).join(sep);
    }
    return JSON.stringify(value);
  };

  /**
   * A role's inline policy statements as sorted `{ actions, resources }` (plus `conditions` when a
   * statement has any), Allow only.
   */
  const statementsOf = (roleLogicalId: string) => {
    const policies = Object.values(consumer.findResources('AWS::IAM::Policy')).filter((p) =>
      (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleLogicalId),
    );
    const list = <T>(x: T | T[]) => (Array.isArray(x) ? x : [x]);
    return policies
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, Json>[])
      .map((s) => {
        if (s.Effect !== 'Allow') throw new Error(`unexpected statement ${JSON.stringify(s)}`);
        return {
          actions: list(s.Action as string | string[]).sort(),
          resources: list(s.Resource).map(render).sort(),
          ...(s.Condition ? { conditions: s.Condition } : {}),
        };
      })
      .sort((a, b) => a.actions[0]!.localeCompare(b.actions[0]!));
  };

  return { render, statementsOf };
}
