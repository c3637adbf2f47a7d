import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RegistryDeps } from './registry-deps.ts';
import {
  type Permission,
  type Principal,
  requirePermission,
  type TypeBoxTypeProvider,
} from '../security/index.ts';
import { addItem } from './add-item.ts';
import { addService } from './add-service.ts';
import { addSubscriberLine } from './add-subscriber-line.ts';
import { createCustomer } from './create-customer.ts';
import { itemHistory } from './item-history.ts';
import { linkFamily } from './link-family.ts';
import { authorizeLookup, listCustomers, MAX_PAGE, type CustomerLookup } from './list-customers.ts';
import { readCustomer } from './read-customer.ts';
import { recordConsent } from './record-consent.ts';
import { recordOptOut } from './record-opt-out.ts';
import { recordSuspension } from './record-suspension.ts';
import {
  ConsentInput,
  CustomerInput,
  FamilyLinkInput,
  ItemInput,
  ItemUpdateInput,
  OptOutInput,
  ServiceInput,
  SubscriberLineInput,
  SuspensionInput,
} from './registry-input.ts';
import { updateItem } from './update-item.ts';

/** Body limits: a customer with its items, and any single record. */
const CUSTOMER_BODY_LIMIT = 1024 * 1024;
const RECORD_BODY_LIMIT = 64 * 1024;

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ValuesQuery = Type.Object({
  values: Type.Optional(
    Type.Boolean({ description: 'Include the values you may read (default true).' }),
  ),
  purpose: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description:
        'The purpose the read serves (a purpose of the policy, within your scope); required when values are read. Decided by the policy like any use, and audited.',
    }),
  ),
});
type ValuesQuery = { values?: boolean; purpose?: string };

/** Route options: declared access (SECURITY.6), body limit, schemas for validation and OpenAPI. */
function route<S extends { body?: TSchema; params?: TSchema; querystring?: TSchema }>(
  permission: Permission,
  summary: string,
  schema: S,
  bodyLimit = RECORD_BODY_LIMIT,
) {
  return {
    config: { access: { permission } },
    bodyLimit,
    schema: { tags: ['registry'], summary, ...schema },
  };
}

type WithId = FastifyRequest<{ Params: { id: string } }>;

/**
 * The personal-information registry over HTTP: customers, items with history, consents,
 * opt-outs, suspensions, family links, lines and services. Handlers only parse, call the use
 * case with `request.principal` and answer; every rule lives in the use cases.
 */
export function registerRegistryRoutes(fastify: FastifyInstance, ctx: RegistryDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/customers',
    route(
      'registry.write',
      'Register a customer with services, lines and items.',
      { body: CustomerInput },
      CUSTOMER_BODY_LIMIT,
    ),
    async (request, reply) => {
      const principal = requirePermission(request, 'registry.write');
      const created = await createCustomer(ctx, principal, request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/v1/customers',
    route('registry.read', 'List customers (no personal values), a page at a time.', {
      querystring: Type.Object({
        cursor: Type.Optional(Type.String({ maxLength: 64 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE })),
        email: Type.Optional(Type.String({ maxLength: 320, description: 'Find by e-mail.' })),
        phone: Type.Optional(
          Type.String({
            maxLength: 40,
            description: 'Find by phone: a phone item, or a current subscriber line.',
          }),
        ),
        externalId: Type.Optional(
          Type.String({ maxLength: 200, description: 'Find by external ID.' }),
        ),
      }),
    }),
    async (request) => {
      const q = request.query as { cursor?: string; limit?: number } & CustomerLookup;
      const principal = requirePermission(request, 'registry.read');
      authorizeLookup(principal, q);
      // Staff find a caller by the line they call about, not only by a phone item.
      const lines = q.phone !== undefined;
      return listCustomers(ctx, principal, { ...q, lines });
    },
  );

  app.get(
    '/v1/customers/:id',
    route(
      'registry.read',
      'A customer; values only within your scope and for a purpose the policy permits, every read audited.',
      {
        params: IdParams,
        querystring: ValuesQuery,
      },
    ),
    async (request) => {
      const { id } = (request as WithId).params;
      const { values, purpose } = request.query as ValuesQuery;
      return readCustomer(ctx, requirePermission(request, 'registry.read'), {
        customerId: id,
        ...(values !== undefined ? { values } : {}),
        ...(purpose !== undefined ? { purpose } : {}),
      });
    },
  );

  app.patch(
    '/v1/items/:id',
    route('registry.write', 'A new value for an item; the old version is kept.', {
      params: IdParams,
      body: ItemUpdateInput,
    }),
    async (request) => {
      const principal = requirePermission(request, 'registry.write');
      return updateItem(ctx, principal, {
        itemId: (request as WithId).params.id,
        update: request.body,
      });
    },
  );

  app.get(
    '/v1/items/:id/history',
    route('registry.read', 'Every version of an item, oldest first.', {
      params: IdParams,
      querystring: ValuesQuery,
    }),
    async (request) => {
      const { values, purpose } = request.query as ValuesQuery;
      return itemHistory(ctx, requirePermission(request, 'registry.read'), {
        itemId: (request as WithId).params.id,
        ...(values !== undefined ? { values } : {}),
        ...(purpose !== undefined ? { purpose } : {}),
      });
    },
  );

  // POST /v1/customers/:id/<records>: one record for the customer; 201 with its id.
  const record = <T>(
    path: string,
    body: TSchema,
    summary: string,
    run: (principal: Principal, customerId: string, body: T) => Promise<unknown>,
  ) =>
    app.post(
      `/v1/customers/:id/${path}`,
      route('registry.write', summary, { params: IdParams, body }),
      async (request, reply) => {
        const principal = requirePermission(request, 'registry.write');
        const result = await run(principal, (request as WithId).params.id, request.body as T);
        return reply.status(201).send(result);
      },
    );
  record<ItemInput>('items', ItemInput, 'Add an item (OBTAIN).', (p, customerId, item) =>
    addItem(ctx, p, { customerId, item }),
  );
  record<ConsentInput>(
    'consents',
    ConsentInput,
    'Record (or withdraw) a consent to a purpose.',
    (p, customerId, consent) => recordConsent(ctx, p, { customerId, consent }),
  );
  record<OptOutInput>(
    'opt-outs',
    OptOutInput,
    'Record (or withdraw) an opt-out of ad-platform use (ADS.OPT_OUT).',
    (p, customerId, optOut) => recordOptOut(ctx, p, { customerId, optOut }),
  );
  record<SuspensionInput>(
    'suspensions',
    SuspensionInput,
    'Record a granted suspension of use or provision.',
    (p, customerId, suspension) => recordSuspension(ctx, p, { customerId, suspension }),
  );
  record<FamilyLinkInput>(
    'family-links',
    FamilyLinkInput,
    'Record a family member (PROVIDE.FAMILY).',
    (p, customerId, link) => linkFamily(ctx, p, { customerId, link }),
  );
  record<SubscriberLineInput>(
    'subscriber-lines',
    SubscriberLineInput,
    'Add a subscriber line.',
    (p, customerId, line) => addSubscriberLine(ctx, p, { customerId, line }),
  );
  record<ServiceInput>(
    'services',
    ServiceInput,
    'Add a service contract.',
    (p, customerId, service) => addService(ctx, p, { customerId, service }),
  );
}
