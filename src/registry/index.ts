/** The personal-information registry: what other slices may call (never its tables). */
export { addItem } from './add-item.ts';
export {
  anonymizationSource,
  type AnonymizationSource,
  type AnonymizationSourceQuery,
} from './anonymization-source.ts';
export { addService } from './add-service.ts';
export { addSubscriberLine } from './add-subscriber-line.ts';
export { authorize } from '../security/index.ts';
export {
  contractFacts,
  contractFactsOf,
  customersWithEndedContracts,
  type ContractFacts,
} from './contract-facts.ts';
export { createCustomer } from './create-customer.ts';
export { countAffectedCustomers, type AffectedQuery } from './count-affected-customers.ts';
export { affectedCustomerIds, type AffectedCustomers } from './affected-customer-ids.ts';
export { customerIdPage } from './customer-id-page.ts';
export type {
  CustomerView,
  FamilyLinkView,
  ServiceView,
  SubscriberLineView,
} from './customer-view.ts';
export { decideForCustomer } from './decide-for-customer.ts';
export { decideForCustomers, decideForCustomersIn } from './decide-for-customers.ts';
export { adWithdrawals, type AdWithdrawal, type AdWithdrawalClause } from './ads-withdrawals.ts';
export { deleteCustomer, erasedExternalId } from './delete-customer.ts';
export { eraseItems } from './erase-items.ts';
export { factsForDecision, type CustomerDecisionInput } from './facts-for-decision.ts';
export {
  insertCustomersBatch,
  type CreatedCustomer,
  type InsertCustomersOptions,
} from './insert-customers-batch.ts';
export { itemHistory } from './item-history.ts';
export {
  itemsForProvision,
  type ProvisionItem,
  type ProvisionItemsQuery,
} from './items-for-provision.ts';
export type { ItemView } from './item-view.ts';
export { linkFamily } from './link-family.ts';
export { newId } from './new-id.ts';
export {
  listCustomers,
  MAX_PAGE,
  type CustomerLookup,
  type CustomerPage,
  type CustomerSummary,
} from './list-customers.ts';
export { fieldProblemOf, invalidField, type FieldProblem } from './normalize/invalid-field.ts';
export { normalizeEmail } from './normalize/normalize-email.ts';
export { normalizeName } from './normalize/normalize-name.ts';
export { normalizePhone } from './normalize/normalize-phone.ts';
export { prepareCustomer } from './prepare-customer.ts';
export { DOCOMO_TRANSFER_ORIGIN } from './prepare-service.ts';
export type { PreparedCustomer, PreparedItem } from './prepared-customer.ts';
export { readCustomer, type ReadCustomerInput } from './read-customer.ts';
export { visibleCustomerIds } from './visible-customers.ts';
export { requireWholeRegistry } from './group-scope.ts';
export type { ReadBasis, ReadReason } from './read-purpose.ts';
export { recordConsent } from './record-consent.ts';
export { recordOptOut } from './record-opt-out.ts';
export { recordSuspension } from './record-suspension.ts';
export * from './registry-input.ts';
export { registryMigrations } from './registry-migrations.ts';
export { registerRegistryRoutes } from './registry-routes.ts';
export { updateItem, type UpdatedItem } from './update-item.ts';
export {
  audiencePage,
  type AudienceCustomerFacts,
  type AudiencePage,
  type AudiencePageItem,
  type AudiencePageQuery,
} from './audience-page.ts';
export { itemContext } from './value-contexts.ts';
export { takenExternalIds } from './taken-external-ids.ts';
export { CustomerDecisionSchema, decideMixed, isCustomerForm } from './decide-mixed.ts';
export { CHANNELS } from './channels.ts';
export { purgeExpiredRecordings } from './purge-recordings.ts';
export type { RegistryDeps } from './registry-deps.ts';
