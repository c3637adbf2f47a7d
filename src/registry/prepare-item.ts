import { versionIndexAt, type CompiledPolicy } from '../policy/index.ts';
import { tryField } from './normalize/field-problems.ts';
import { invalidField, type FieldProblem } from './normalize/invalid-field.ts';
import { normalizeInstant } from './normalize/normalize-instant.ts';
import { normalizeItemValue } from './normalize/normalize-item-value.ts';
import { normalizeText } from './normalize/normalize-text.ts';
import { requirePast } from './normalize/past-instant.ts';
import { newId } from './new-id.ts';
import type { PreparedItem, PreparedRecording } from './prepared-customer.ts';
import { CHANNELS, type Channel, type ItemInput } from './registry-input.ts';

/** A service an item may name: the customer's existing or new contracts. */
export interface ServiceRef {
  readonly id: string;
  readonly name: string;
  readonly startedAt: number;
}

/**
 * Normalizes one item and allocates its id; its problems go to `problems` (fields prefixed by
 * `field`) and the result is undefined when there were any. Given `now`, an acquisition after
 * it is refused (`requirePast`).
 */
export function prepareItem(
  policy: CompiledPolicy,
  input: ItemInput,
  field: string,
  services: readonly ServiceRef[],
  problems: FieldProblem[],
  now?: number,
): PreparedItem | undefined {
  const before = problems.length;
  // A closure per item, not a named arrow: tsx (esbuild keepNames) wraps each named arrow in
  // `__name(…)`, an Object.defineProperty per call that showed in bulk import profiles.
  const f = fieldPath.bind(null, field);
  const category = tryField(problems, () => checkCategory(policy, input.category, f('category')));
  const value =
    category === undefined
      ? undefined
      : tryField(problems, () => normalizeItemValue(category, input.value, f('value')));
  const channel = tryField(problems, () => checkChannel(input.channel, f('channel')));
  const provider = tryField(problems, () => checkProvider(input.source, input.provider, f));
  const acquiredAt = tryField(problems, () =>
    requirePast(normalizeInstant(input.acquiredAt, f('acquiredAt')), now, f('acquiredAt')),
  );
  const survey = tryField(problems, () =>
    input.survey === undefined
      ? null
      : normalizeText(input.survey, f('survey'), { maxLength: 200 }),
  );
  const recording = tryField(problems, () =>
    prepareRecording(input, category, channel, f('recording')),
  );
  const serviceId = tryField(problems, () =>
    input.service === undefined
      ? null
      : resolveService(services, input.service, acquiredAt ?? 0, f('service')),
  );
  // OBTAIN.CALLS: a retention period that ends before the call was recorded keeps nothing.
  if (recording != null && acquiredAt !== undefined && recording.retentionEnd <= acquiredAt)
    problems.push({ field: `${f('recording')}.retentionEnd`, reason: 'must be after acquiredAt' });
  if (problems.length > before) return undefined;
  const version = versionIndexAt(policy, acquiredAt!);
  return {
    id: newId(),
    category: category!,
    value: value!,
    channel: channel!,
    source: input.source as 'direct' | 'indirect',
    provider: provider ?? null,
    acquiredAt: acquiredAt!,
    serviceId: serviceId ?? null,
    survey: survey ?? null,
    policyVersion: policy.versions[version]?.id ?? null,
    recording: recording ?? null,
  };
}

function fieldPath(field: string, name: string): string {
  return field === '' ? name : `${field}.${name}`;
}

function checkCategory(policy: CompiledPolicy, category: unknown, field: string): string {
  if (typeof category !== 'string' || !policy.document.categories.some((c) => c.id === category)) {
    throw invalidField(field, 'must be a category of the policy file');
  }
  return category;
}

// OBTAIN.CHANNEL: every stored item records how it was obtained.
function checkChannel(channel: unknown, field: string): Channel {
  if (!CHANNELS.includes(channel as Channel)) {
    throw invalidField(field, `must be one of: ${CHANNELS.join(', ')}`);
  }
  return channel as Channel;
}

// OBTAIN.SOURCE: an indirectly obtained item names who provided it; a direct one names nobody.
function checkProvider(
  source: unknown,
  provider: unknown,
  f: (name: string) => string,
): string | null {
  if (source === 'direct') {
    if (provider !== undefined)
      throw invalidField(f('provider'), 'must be absent for a direct source');
    return null;
  }
  if (source !== 'indirect') throw invalidField(f('source'), 'must be direct or indirect');
  if (provider === undefined)
    throw invalidField(f('provider'), 'is required for an indirect source');
  return normalizeText(provider, f('provider'), { maxLength: 200 });
}

// OBTAIN.CALLS: a recording is an item of channel audio with a retention period.
function prepareRecording(
  input: ItemInput,
  category: string | undefined,
  channel: Channel | undefined,
  field: string,
): PreparedRecording | null {
  if (category !== 'callRecording') {
    if (input.recording !== undefined) throw invalidField(field, 'is only for callRecording items');
    return null;
  }
  if (channel !== 'audio')
    throw invalidField(
      field.replace(/recording$/, 'channel'),
      'must be audio for a call recording',
    );
  if (input.recording === undefined)
    throw invalidField(field, 'is required for a call recording (retentionEnd)');
  const r = input.recording;
  return {
    retentionEnd: normalizeInstant(r.retentionEnd, `${field}.retentionEnd`),
    metadata: {
      ...(r.durationSeconds !== undefined ? { durationSeconds: r.durationSeconds } : {}),
      ...(r.direction !== undefined ? { direction: r.direction } : {}),
    },
  };
}

/**
 * The contract an item was obtained under: of the customer's services with that name, the one
 * started last on or before acquisition (else the first to start).
 */
function resolveService(
  services: readonly ServiceRef[],
  name: string,
  acquiredAt: number,
  field: string,
): string {
  const named = services.filter((s) => s.name === name).sort((a, b) => a.startedAt - b.startedAt);
  if (named.length === 0) throw invalidField(field, 'must name one of the customer’s services');
  const started = named.filter((s) => s.startedAt <= acquiredAt);
  return (started[started.length - 1] ?? named[0]!).id;
}
