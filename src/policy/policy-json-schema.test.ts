import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyJsonSchema } from './policy-json-schema.ts';

describe('policies/policy.schema.json', () => {
  it('is the schema the loader validates with (regenerate: npx hogo policy schema > policies/policy.schema.json)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../policies/policy.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(policyJsonSchema());
  });
});
