import type { Permission } from '../security/index.ts';

/** SECURITY.5: the bulk take-outs of personal values that need a second person's approval. */
export const EXPORT_KINDS = ['adExport', 'package', 'valuesCsv', 'anonymized'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Who may ask for an approval of each kind: whoever may run that take-out. */
export const PERMISSION_OF_EXPORT: Readonly<Record<ExportKind, Permission>> = {
  adExport: 'provision.export',
  package: 'requests.manage',
  valuesCsv: 'registry.readValues',
  anonymized: 'registry.readValues',
};
