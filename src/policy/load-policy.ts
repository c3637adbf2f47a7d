import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { isAlias, isNode, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { checkPolicy } from './check-policy.ts';
import { compilePolicy, type CompiledPolicy } from './compile-policy.ts';
import { PolicySchema, type PolicyDocument } from './policy-schema.ts';

/** A problem located in the file: what `hogo policy check` prints. */
export interface LocatedProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly clause: string | null;
  readonly code: string;
  readonly message: string;
  readonly path: string;
}

export type LoadResult =
  | { readonly ok: true; readonly policy: CompiledPolicy }
  | { readonly ok: false; readonly problems: readonly LocatedProblem[] };

/** Thrown by `loadPolicyFile` when a file has problems; carries all of them. */
export class PolicyLoadError extends Error {
  readonly code = 'policy.invalid';
  constructor(readonly problems: readonly LocatedProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** `file:line:column [clause] message (code)`: one line per problem. */
export function formatProblem(p: LocatedProblem): string {
  return `${p.file}:${p.line}:${p.column}${p.clause ? ` [${p.clause}]` : ''} ${p.message} (${p.code})`;
}

/**
 * Parses, validates and compiles policy text. Either the whole policy loads, or nothing does
 * and every problem is returned with its line and column.
 */
export function parsePolicy(text: string, file = 'policy.yaml'): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = (offset: number) => lineCounter.linePos(offset);

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const { line, col } = locate(e.pos[0]);
        return {
          file,
          line,
          column: col,
          clause: null,
          code: 'policy.yaml',
          message: e.message.split('\n')[0]!,
          path: '',
        };
      }),
    };
  }
  let data: unknown;
  try {
    // yaml refuses a document whose aliases expand past maxAliasCount (a "billion laughs").
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, problems: [aliasProblem(doc, file, locate, e)] };
  }
  const at = (
    path: readonly (string | number)[],
    code: string,
    message: string,
    offset = 0,
  ): LocatedProblem => {
    const { line, column } = position(doc, path, offset, locate);
    return {
      file,
      line,
      column,
      clause: clauseAt(data, path),
      code,
      message,
      path: path.join('.'),
    };
  };

  const structural = [...Value.Errors(PolicySchema, data)];
  if (structural.length > 0) {
    const seen = new Set<string>();
    const problems: LocatedProblem[] = [];
    for (const e of structural) {
      const path = e.path
        .split('/')
        .slice(1)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const key = e.path;
      if (seen.has(key)) continue;
      seen.add(key);
      const where = path.length ? path.join('.') : 'the document';
      problems.push(at(path, 'policy.schema', `${where}: ${e.message.toLowerCase()}`));
    }
    return { ok: false, problems };
  }
  const policyDoc = data as PolicyDocument;
  const semantic = checkPolicy(policyDoc);
  if (semantic.length > 0) {
    return { ok: false, problems: semantic.map((p) => at(p.path, p.code, p.message, p.offset)) };
  }
  return { ok: true, policy: compilePolicy(policyDoc) };
}

/** Reads and loads a policy file; throws PolicyLoadError naming every problem. */
export function loadPolicyFile(path: string): CompiledPolicy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new PolicyLoadError([
      {
        file: path,
        line: 1,
        column: 1,
        clause: null,
        code: 'policy.unreadable',
        message: reason,
        path: '',
      },
    ]);
  }
  const result = parsePolicy(text, path);
  if (!result.ok) throw new PolicyLoadError(result.problems);
  return result.policy;
}

function position(
  doc: Document,
  path: readonly (string | number)[],
  offset: number,
  locate: (offset: number) => { line: number; col: number },
): { line: number; column: number } {
  // The deepest node that exists on the path (a missing key points at its parent).
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (!isNode(node) || !node.range) continue;
    let start = node.range[0];
    if (depth === path.length && isScalar(node)) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      start += offset + (quoted ? 1 : 0);
    }
    const { line, col } = locate(start);
    return { line, column: col };
  }
  return { line: 1, column: 1 };
}

function clauseAt(data: unknown, path: readonly (string | number)[]): string | null {
  let node: unknown = data;
  let clause: string | null = null;
  for (const key of path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string | number, unknown>)[key];
    const id =
      node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && /^[A-Z]/.test(id)) clause = id;
  }
  return clause;
}

/** A document that would not expand (an alias bomb), located at its first alias. */
function aliasProblem(
  doc: Document,
  file: string,
  locate: (offset: number) => { line: number; col: number },
  error: unknown,
): LocatedProblem {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  const { line, col } = locate(offset);
  return {
    file,
    line,
    column: col,
    clause: null,
    code: 'policy.yaml',
    message: `the file cannot be expanded: ${error instanceof Error ? error.message : String(error)}`,
    path: '',
  };
}
