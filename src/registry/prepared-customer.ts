import type { Channel } from './registry-input.ts';

/** An item normalized and given its id, ready to encrypt and insert. */
export interface PreparedItem {
  readonly id: string;
  readonly category: string;
  readonly value: string;
  readonly channel: Channel;
  readonly source: 'direct' | 'indirect';
  readonly provider: string | null;
  readonly acquiredAt: number;
  readonly serviceId: string | null;
  readonly survey: string | null;
  /** PURPOSE.NOTIFIED: the policy version in force at acquisition. */
  readonly policyVersion: string | null;
  readonly recording: PreparedRecording | null;
}

/** OBTAIN.CALLS: what is kept of a call recording besides its (encrypted) reference. */
export interface PreparedRecording {
  readonly retentionEnd: number;
  readonly metadata: { readonly durationSeconds?: number; readonly direction?: string };
}

/** A service contract normalized and given its id. */
export interface PreparedService {
  readonly id: string;
  readonly name: string;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly origin: string | null;
  readonly transferredFromDocomo: boolean;
  readonly claimsAssignee: string | null;
}

/** A subscriber line with its number in E.164. */
export interface PreparedLine {
  readonly id: string;
  readonly number: string;
}

/** A whole customer, normalized, every id allocated: what `insertCustomersBatch` writes. */
export interface PreparedCustomer {
  readonly id: string;
  readonly externalId: string | null;
  readonly group: string;
  readonly services: readonly PreparedService[];
  readonly lines: readonly PreparedLine[];
  readonly items: readonly PreparedItem[];
}
