import { describe, expect, it } from 'vitest';
import { validationProblem } from './validation-problem.ts';

describe('validationProblem', () => {
  it('names a missing, an unknown and a nested field as a dotted path', () => {
    expect(
      validationProblem(
        [{ keyword: 'required', instancePath: '/requester', params: { missingProperty: 'type' } }],
        'body',
      ),
    ).toEqual({ field: 'requester.type', message: 'requester.type is required' });
    expect(
      validationProblem(
        [
          {
            keyword: 'additionalProperties',
            instancePath: '/items/2',
            params: { additionalProperty: 'chanel' },
          },
        ],
        'body',
      ),
    ).toEqual({
      field: 'items[2].chanel',
      message: 'items[2].chanel is not a field this request takes',
    });
  });

  it('reports a union of constants once, with the values it takes, not its summary', () => {
    const errors = ['en', 'ja'].map((allowedValue) => ({
      keyword: 'const',
      instancePath: '/lang',
      params: { allowedValue },
      message: 'must be equal to constant',
    }));
    expect(
      validationProblem(
        [{ keyword: 'anyOf', instancePath: '/lang', message: 'must match a schema' }, ...errors],
        'body',
      ),
    ).toEqual({ field: 'lang', message: 'lang must be one of: en, ja' });
  });

  it('speaks of the whole body when no field is at fault', () => {
    expect(
      validationProblem([{ keyword: 'type', instancePath: '', message: 'must be object' }], 'body'),
    ).toEqual({
      field: '',
      message: 'the body must be object',
    });
  });
});
