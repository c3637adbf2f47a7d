import { PolicySchema } from './policy-schema.ts';

/** The JSON Schema of policy files for editors (policies/policy.schema.json). */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://hogo.local/schema/policy.schema.json',
    title: 'hogo policy file',
    ...(JSON.parse(JSON.stringify(PolicySchema)) as Record<string, unknown>),
  };
}
