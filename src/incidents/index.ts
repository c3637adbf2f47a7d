/** The incidents slice (APPI Art. 26; PPC Rules 7–10): what other modules may call. */
export { breachClause, breachDuties, type BreachDuties } from './breach-duties.ts';
export type { BreachFacts } from './breach-facts.ts';
export { HOLIDAY_DATA_ENDS, isClosedDay, rollToBusinessDay } from './japan-calendar.ts';
export {
  registerIncidentRoutes,
  registerStoredIncidentRoutes,
  type IncidentRouteDeps,
} from './incident-routes.ts';
export {
  DUE_SOON_DAYS,
  dueStatus,
  incidentDeadlines,
  type IncidentDeadline,
} from './due-status.ts';
export type { IncidentDeps } from './incident-deps.ts';
export { incidentMigrations } from './incident-migrations.ts';
export type { DueStatus, IncidentView } from './incident-view.ts';
export { listIncidents, showIncident } from './list-incidents.ts';
export { recordIncident, type IncidentInput } from './record-incident.ts';
export { breachNotice } from './breach-notice.ts';
export { fileReport, type ReportInput } from './file-report.ts';
export { notifyAffected, type NotifyReport } from './notify-affected.ts';
export type { ReportFiling, ReportStage, ReportTrack, ReportVersion } from './report-filing.ts';
export { filledItems, reportForm, type ReportForm } from './report-form.ts';
export {
  REPORT_ITEMS,
  REPORT_ITEM_NAMES,
  readReportItems,
  type ReportItems,
} from './report-items.ts';
export { listViolations } from './list-violations.ts';
export { reportViolation } from './report-violation.ts';
export { triageViolation, type TriageInput } from './triage-violation.ts';
export type { ViolationView } from './violation-view.ts';
export { registerIncidentCaseRoutes, type AnonymousReportLimit } from './incident-case-routes.ts';
