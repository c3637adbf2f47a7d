import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, ERROR_KINDS, type ErrorCode } from '../errors/index.ts';
import { STATUS_BY_KIND, statusForCode } from './http-error.ts';

describe('statusForCode', () => {
  it('gives every kind a status of its own class: 4xx for the caller, 5xx for the system', () => {
    for (const kind of ERROR_KINDS) {
      const status = STATUS_BY_KIND[kind];
      expect(status, kind).toBeGreaterThanOrEqual(400);
      expect(status >= 500, kind).toBe(kind === 'internal' || kind === 'not_implemented');
    }
  });

  it('maps a code through its kind, whatever its spelling', () => {
    // Spelt without a dot before not_found, it was a 500 when statuses were read off suffixes.
    expect(statusForCode('requests.package_not_found' satisfies ErrorCode)).toBe(404);
    expect(statusForCode('verification.locked' satisfies ErrorCode)).toBe(423);
    expect(statusForCode('provision.diligence_missing' satisfies ErrorCode)).toBe(422);
  });

  it('answers 500 for a string outside the catalog', () => {
    expect(statusForCode('no.such_code')).toBe(500);
  });

  it('catalogs every code with a known kind', () => {
    for (const [code, kind] of Object.entries(ERROR_CATALOG)) {
      expect(ERROR_KINDS, code).toContain(kind);
      expect(code, code).toMatch(/^[a-z]+\.[a-z_]+$/);
    }
  });
});
