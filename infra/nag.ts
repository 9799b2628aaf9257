import { Stack, Token, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one AwsSolutions-IAM5 wildcard finding: exactly `<arn><suffix>`, nothing else.
 *
 * cdk-nag v3 matches a finding by its exact id, and the id spells the resource the way the
 * template does (`<Logical.Arn>:*`, or the JSON of a cross-stack reference). A reference to
 * another stack's resource takes its final form only when CDK resolves references during
 * synthesis, so the id is computed then: a construct validation runs after reference resolution
 * and before the cdk-nag plugins, and it renders the ARN with cdk-nag's own function. Any other
 * wildcard on the same policy still fails the check.
 *
 * @param scope where to acknowledge (the grantee's role, or the stack for generated roles)
 * @param arn the ARN token that the `grant*` call appended the wildcard to
 * @param suffix what the grant appended, e.g. `/index/*` or `:*`
 */
export function acknowledgeWildcardOn(scope: IConstruct, arn: string, suffix: string, reason: string): void {
  scope.node.addValidation({
    validate: () => {
      const resolved: unknown = Stack.of(scope).resolve(arn);
      if (!Token.isUnresolved(resolved)) {
        const id = `AwsSolutions-IAM5[Resource::${flattenCfnReference(resolved)}${suffix}]`;
        Validations.of(scope).acknowledge({ id, reason });
      }
      return [];
    },
  });
}
