import type { CompiledPolicy } from '../policy/index.ts';
import { HogoError } from '../errors/index.ts';
import { prepareCustomer, type FieldProblem, type PreparedCustomer } from '../registry/index.ts';
import type { ImportRow } from './import-columns.ts';
import { rowToCustomer } from './row-to-customer.ts';

/** A row ready to write, or every problem it has, named by column (never with the value). */
export type PreparedRow =
  | { readonly ok: true; readonly customer: PreparedCustomer }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/**
 * Reads one import row into a prepared customer through the registry's own normalization
 * (`prepareCustomer`), so a row is held to the same rules as the HTTP API; the registry's field
 * paths are mapped back to the file's columns. Given `now`, an item acquired after it is a bad row.
 */
export function prepareRow(policy: CompiledPolicy, row: ImportRow, now?: number): PreparedRow {
  const problems: FieldProblem[] = [];
  const asCustomer = rowToCustomer(row, problems);
  try {
    const customer = prepareCustomer(policy, asCustomer.input, now);
    if (problems.length === 0) return { ok: true, customer };
  } catch (e) {
    if (!(e instanceof HogoError) || e.code !== 'registry.invalid_field') throw e;
    const d = e.details as { field: string; reason: string; problems?: FieldProblem[] };
    for (const p of d.problems ?? [{ field: d.field, reason: d.reason }]) {
      problems.push({ field: asCustomer.columnOf(p.field), reason: p.reason });
    }
  }
  return { ok: false, problems: unique(problems) };
}

function unique(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}\u0000${p.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
