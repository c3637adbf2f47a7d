/** The provision slice: what other slices and the adapters may call. */
export { type AdExportReceipt } from './ad-export-receipt.ts';
export { adsSettings, type AdsSettings } from './ads-settings.ts';
export { AD_PLATFORM_IDS, isAdPlatformId } from './ads/ad-platform-id.ts';
export { defaultExportPath } from './default-export-path.ts';
export { exportAudience } from './export-audience.ts';
export { listRecipients } from './list-recipients.ts';
export { provisionMigrations } from './provision-migrations.ts';
export type { ProvisionDeps } from './provision-deps.ts';
export { type ProvisionRecordView } from './provision-record-view.ts';
export { provisionRecordsFor } from './provision-records-for.ts';
export { registerProvisionRoutes } from './provision-routes.ts';
export { purgeAdExports } from './purge-ad-exports.ts';
export { withdrawFromHeldAdExports, type AdWithdrawalReport } from './withdraw-from-ad-exports.ts';
export { purgeProvisionRecords } from './purge-provision-records.ts';
export { type DiligenceStanding, type DiligenceStatus } from './diligence-standing.ts';
export { type DiligenceView, type RecipientView } from './recipient-view.ts';
export {
  anonymizedProvisionsOf,
  recordAnonymizedProvision,
  type AnonymizedProvisionInput,
  type AnonymizedProvisionRecord,
  type AnonymizedProvisionRow,
} from './record-anonymized-provision.ts';
export { recordFamilyProvision } from './record-family-provision.ts';
export { recordsForCustomerPackage } from './records-for-customer-package.ts';
