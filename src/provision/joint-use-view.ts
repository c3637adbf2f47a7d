import type { ProvisionTables } from './provision-tables.ts';

/** One joint user as the register names it. */
export interface JointUserView {
  readonly id: string;
  readonly legalName: string;
  readonly address: string | null;
  readonly representative: string | null;
  readonly country: string;
}

/** An entry of the joint-use register, as listed and published (§6 JOINT_USE). */
export interface JointUseView {
  readonly id: string;
  readonly jointUsers: readonly JointUserView[];
  readonly items: readonly string[];
  readonly purposes: readonly string[];
  readonly responsibleParty: {
    readonly name: string;
    readonly address: string;
    readonly representative: string;
  };
  readonly startedAt: string;
  readonly endedAt: string | null;
}

type RecipientRow = ProvisionTables['provision_recipients'];

/** The view of a stored entry, its joint users' particulars taken from `recipients`. */
export function jointUseView(
  row: ProvisionTables['joint_uses'],
  recipients: ReadonlyMap<string, RecipientRow>,
): JointUseView {
  const ids = JSON.parse(row.joint_users) as string[];
  return {
    id: row.id,
    jointUsers: ids.map((id) => {
      const r = recipients.get(id);
      return {
        id,
        legalName: r?.legal_name ?? id,
        address: r?.address ?? null,
        representative: r?.representative ?? null,
        country: r?.country ?? '',
      };
    }),
    items: JSON.parse(row.items) as string[],
    purposes: JSON.parse(row.purposes) as string[],
    responsibleParty: {
      name: row.responsible_name,
      address: row.responsible_address,
      representative: row.responsible_representative,
    },
    startedAt: new Date(row.started_at).toISOString(),
    endedAt: row.ended_at === null ? null : new Date(row.ended_at).toISOString(),
  };
}
