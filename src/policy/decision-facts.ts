/**
 * The facts a condition may read, derived once per decision from the request and the policy.
 * A flat object of fixed shape, so that compiled conditions read plain properties.
 */
export interface DecisionFacts {
  at: number;
  version: string;
  purposeId: string;
  purposeGroup: string;
  purposeKind: string;
  purposeSuspendable: boolean;
  purposeNotified: boolean;
  purposeMyNumberProcedure: boolean;
  customerGroup: string;
  customerAdOptOut: boolean;
  customerConsented: boolean;
  customerSuspendedUse: boolean;
  customerSuspendedProvision: boolean;
  itemCategory: string;
  itemAcquiredAt: number;
  itemServiceId: string | null;
  itemServiceTransferredFromDocomo: boolean;
  itemServiceEnded: boolean;
  itemSurvey: string | null;
  recipientKind: string | null;
  recipientId: string | null;
  recipientAccepts: ReadonlySet<string>;
}

export type FactType = 'instant' | 'text' | 'boolean' | 'list';

/** Each fact's name in the condition language, its property and its type. */
export const FACTS: ReadonlyMap<string, { key: keyof DecisionFacts; type: FactType }> = new Map([
  ['at', { key: 'at', type: 'instant' }],
  ['version', { key: 'version', type: 'text' }],
  ['purpose.id', { key: 'purposeId', type: 'text' }],
  ['purpose.group', { key: 'purposeGroup', type: 'text' }],
  ['purpose.kind', { key: 'purposeKind', type: 'text' }],
  ['purpose.suspendable', { key: 'purposeSuspendable', type: 'boolean' }],
  ['purpose.notified', { key: 'purposeNotified', type: 'boolean' }],
  ['purpose.myNumberProcedure', { key: 'purposeMyNumberProcedure', type: 'boolean' }],
  ['customer.group', { key: 'customerGroup', type: 'text' }],
  ['customer.adOptOut', { key: 'customerAdOptOut', type: 'boolean' }],
  ['customer.consented', { key: 'customerConsented', type: 'boolean' }],
  ['customer.suspendedUse', { key: 'customerSuspendedUse', type: 'boolean' }],
  ['customer.suspendedProvision', { key: 'customerSuspendedProvision', type: 'boolean' }],
  ['item.category', { key: 'itemCategory', type: 'text' }],
  ['item.acquiredAt', { key: 'itemAcquiredAt', type: 'instant' }],
  ['item.service.id', { key: 'itemServiceId', type: 'text' }],
  [
    'item.service.transferredFromDocomo',
    { key: 'itemServiceTransferredFromDocomo', type: 'boolean' },
  ],
  ['item.service.ended', { key: 'itemServiceEnded', type: 'boolean' }],
  ['item.survey', { key: 'itemSurvey', type: 'text' }],
  ['recipient.kind', { key: 'recipientKind', type: 'text' }],
  ['recipient.id', { key: 'recipientId', type: 'text' }],
  ['recipient.accepts', { key: 'recipientAccepts', type: 'list' }],
] as const);
