/** One error of Ajv as Fastify hands it over. */
interface AjvError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/**
 * What was wrong with a request, and where: the field as a dotted path (`items[0].category`),
 * empty when the whole body (or query) is wrong.
 */
export interface ValidationProblem {
  readonly field: string;
  readonly message: string;
}

// Errors that say only that no branch of a union matched: the branches' own errors say why.
const SUMMARY_KEYWORDS = new Set(['anyOf', 'oneOf', 'if', 'not']);

/**
 * The one problem to report of a schema validation: the first error that names a field
 * (a missing or unknown property, a wrong value), not a union's summary, with the field it
 * concerns as a dotted path inside `context` ('body', 'querystring', 'params').
 */
export function validationProblem(
  errors: readonly AjvError[],
  context: string | undefined,
): ValidationProblem {
  const specific = errors.find((e) => !SUMMARY_KEYWORDS.has(e.keyword)) ?? errors[0];
  if (specific === undefined) return { field: context ?? '', message: 'is invalid' };
  const segments = specific.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const named =
    specific.keyword === 'required'
      ? specific.params?.missingProperty
      : specific.keyword === 'additionalProperties'
        ? specific.params?.additionalProperty
        : undefined;
  if (typeof named === 'string') segments.push(named);
  const field = segments.reduce(
    (path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path === '' ? s : `${path}.${s}`),
    '',
  );
  const message =
    specific.keyword === 'required'
      ? 'is required'
      : specific.keyword === 'additionalProperties'
        ? 'is not a field this request takes'
        : specific.keyword === 'const' || specific.keyword === 'enum'
          ? `must be one of: ${allowed(errors, specific.instancePath)}`
          : (specific.message ?? 'is invalid');
  return { field, message: `${field === '' ? `the ${context ?? 'request'}` : field} ${message}` };
}

/** The values a union of constants allows at `path`, from every branch's error. */
function allowed(errors: readonly AjvError[], path: string): string {
  const values = new Set<string>();
  for (const e of errors) {
    if (e.instancePath !== path) continue;
    if (e.keyword === 'const') values.add(String(e.params?.allowedValue));
    if (e.keyword === 'enum' && Array.isArray(e.params?.allowedValues)) {
      for (const v of e.params.allowedValues as unknown[]) values.add(String(v));
    }
  }
  return [...values].join(', ');
}
