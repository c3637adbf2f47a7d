/** The requests slice: what other slices and the adapters may call. */
export { answerFamilyCall } from './answer-family-call.ts';
export { CALLER_RELATIONS } from './caller-relation.ts';
export { registerFamilyCallRoutes } from './family-call-routes.ts';
export { feeFor } from './fee-for.ts';
export { formatFee } from './format-fee.ts';
export { listRequests } from './list-requests.ts';
export { registerPublicRequestRoutes } from './public-request-routes.ts';
export { requestDetail } from './request-detail.ts';
export { SHORT_KINDS } from './request-kind.ts';
export { requestMigrations } from './request-migrations.ts';
export { registerRequestRoutes } from './request-routes.ts';
export { REQUEST_STATES, isRequestState } from './request-state.ts';
export { requestKeyedMigrations } from './seal-plain-texts.ts';
export { type TextView } from './text-view.ts';
export { type VerificationLimits, verificationLimits } from './verification-limits.ts';
export { paperEnclosure } from './paper-enclosure.ts';
export { clientNetwork } from './client-network.ts';
export { takeRateLimit } from './take-rate-limit.ts';
