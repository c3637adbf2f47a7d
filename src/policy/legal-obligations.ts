import type { CompiledPolicy } from './compile-policy.ts';
import type { Localized, PolicyLegalGround, PolicyWithheld } from './policy-schema.ts';

/** Why a provision under a legal obligation cannot go ahead as asked: a code and a field. */
export interface LegalRefusal {
  readonly code: string;
  readonly message: string;
  readonly field: string;
  readonly clauses: readonly string[];
}

/** What the customer's package says of the records it leaves out (APPI Art. 33(5)). */
export interface WithholdingStatement {
  readonly clause: string;
  readonly law: string;
  readonly reason: Localized;
}

/** True when a provision to this recipient kind rests on a legal ground of the policy file. */
export function isLegalObligationKind(policy: CompiledPolicy, kind: string): boolean {
  return (policy.document.legalObligations?.grounds ?? []).some((g) =>
    g.recipientKinds.includes(kind),
  );
}

/**
 * PROVIDE.AUTHORITY (APPI Art. 27(1)(i)): the legal ground named for a provision to this
 * recipient kind, or why it is refused (unknown ground, or one not for this kind).
 */
export function legalGroundFor(
  policy: CompiledPolicy,
  groundId: string | undefined,
  kind: string,
): PolicyLegalGround | LegalRefusal {
  const section = policy.document.legalObligations;
  const clauses = [section?.clause ?? 'PROVIDE.AUTHORITY'];
  const grounds = (section?.grounds ?? []).filter((g) => g.recipientKinds.includes(kind));
  const known = grounds.map((g) => g.id).join(', ');
  if (groundId === undefined)
    return {
      code: 'provision.legal_ground_required',
      message: `a provision required by law names its ground (one of ${known})`,
      field: 'legalGround',
      clauses,
    };
  const ground = grounds.find((g) => g.id === groundId);
  if (ground === undefined)
    return {
      code: 'provision.unknown_legal_ground',
      message: `no legal ground ${groundId} for a recipient of kind ${kind} (known: ${known})`,
      field: 'legalGround',
      clauses,
    };
  return ground;
}

/** True when `legalGroundFor` refused. */
export function isLegalRefusal(x: PolicyLegalGround | LegalRefusal): x is LegalRefusal {
  return 'code' in x;
}

/**
 * Whether the ground lets this category leave. Every category may, but the restricted ones
 * (sensitive information, My Number) only where the ground names them: for My Number that is
 * a case of My Number Act Art. 19, which `hogo policy check` requires the ground to cite.
 * The §3 purposes are not asked (Art. 18(3)(i)): the law, not a purpose, requires it.
 */
export function legalCategoryAllowed(
  policy: CompiledPolicy,
  ground: PolicyLegalGround,
  category: string,
): boolean {
  const restricted = policy.document.legalObligations?.restricted ?? [];
  return !restricted.includes(category) || (ground.categories ?? []).includes(category);
}

/**
 * The withholding of the policy file that keeps a record of provision out of the customer's
 * packages, if any: one naming its clause, and its recipient kind and ground where it lists them.
 */
export function withholdingOf(
  policy: CompiledPolicy,
  record: {
    readonly clause: string;
    readonly recipientKind: string;
    readonly legalGround: string | null;
  },
): PolicyWithheld | undefined {
  return (policy.document.legalObligations?.withheld ?? []).find(
    (w) =>
      w.clause === record.clause &&
      (w.recipientKinds === undefined || w.recipientKinds.includes(record.recipientKind)) &&
      (w.grounds === undefined ||
        (record.legalGround !== null && w.grounds.includes(record.legalGround))),
  );
}

/**
 * Every withholding's statement, for every package whether or not it withheld a record: a
 * statement made only when one was withheld would itself disclose that one exists.
 */
export function withholdingStatements(policy: CompiledPolicy): WithholdingStatement[] {
  return (policy.document.legalObligations?.withheld ?? []).map((w) => ({
    clause: w.clause,
    law: w.law,
    reason: w.reason,
  }));
}
