import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { normalizeAdValue } from '../../src/provision/ads/normalize-ad-value.ts';
import { metaFieldValues, timeHashStage } from './hash-stage.ts';

const sdk = createRequire(import.meta.url)('facebook-nodejs-business-sdk') as {
  ServerSideUtils: { normalizeAndHash(input: string, field: string): string | null };
};

describe('the ads benchmark’s hash stage', () => {
  const values = metaFieldValues(20_220_701, 500);

  it('reads every Meta field the export writes from the demo customers', () => {
    const fields = new Set(values.map((v) => v.field));
    expect([...fields].sort()).toEqual(
      ['country', 'dateOfBirth', 'email', 'firstName', 'gender', 'lastName', 'phone', 'zip'].sort(),
    );
  });

  it('compares like with like: the SDK hashes an e-mail and a name as hogo does', () => {
    for (const v of values.filter((x) => x.field === 'email' || x.field === 'lastName')) {
      const hogo = normalizeAdValue('meta', v.field, v.input);
      expect(hogo.ok && hogo.output).toBe(sdk.ServerSideUtils.normalizeAndHash(v.input, v.sdkKey));
    }
  });

  it('times the three ways over the same values', () => {
    const stage = timeHashStage(values, 1);
    expect(stage.values).toBe(values.length);
    for (const ms of [stage.hogoMs, stage.limitMs, stage.sdkMs, stage.sdkNormalizeOnlyMs]) {
      expect(ms).toBeGreaterThan(0);
    }
  });
});
