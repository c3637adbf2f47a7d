/** The governance slice (§4 SECURITY): what other slices and the adapters may call. */
export { approveExport } from './approve-export.ts';
export {
  countryRegister,
  type CountryEntryView,
  type CountryRecipient,
  type CountryRegisterView,
} from './country-register.ts';
export { type ExportApprovalView } from './export-approval-view.ts';
export { EXPORT_KINDS, type ExportKind } from './export-kind.ts';
export type { GovernanceDeps } from './governance-deps.ts';
export { governanceMigrations } from './governance-migrations.ts';
export { listExportApprovals } from './list-export-approvals.ts';
export { requestExportApproval, type ExportApprovalInput } from './request-export-approval.ts';
export { requireExportApproval, type ApprovalUse } from './require-export-approval.ts';
export { requireRegisteredCountry } from './require-registered-country.ts';
export { registerGovernanceRoutes, type GovernanceRouteDeps } from './governance-routes.ts';
export { recordTraining } from './record-training.ts';
export { trainingGate } from './training-gate.ts';
export { trainingStatus, type CourseStatus } from './training-status.ts';
export { countriesForPackage, type PackageCountry } from './countries-for-package.ts';
export { answerInspection, type InspectionAnswerInput } from './answer-inspection.ts';
export { closeFollowUp, closeInspection } from './close-inspection.ts';
export { inspectionSchedule, type ScheduledInspection } from './inspection-schedule.ts';
export { inspectionView, type FollowUpView, type InspectionView } from './inspection-view.ts';
export { startInspection } from './start-inspection.ts';
export {
  trainingOverview,
  type TrainingOverview,
  type UserCourseStatus,
} from './training-overview.ts';
