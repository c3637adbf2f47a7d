import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy/index.ts';
import { bundledPolicy } from '../policy/test-support.ts';
import { dueDateFor, MAX_DUE_DAYS } from './due-date.ts';
import { dueStatus } from './due-status.ts';

const policy = bundledPolicy();
const at = (iso: string) => Date.parse(iso);

describe('dueDateFor (REQUEST.TIMELY)', () => {
  it('counts from the Japan-time day of receipt: 14:59:59Z is still 31 March in Japan', () => {
    const due = dueDateFor(policy, 'disclosure', at('2026-03-31T14:59:59Z'));
    expect(due).toEqual({
      dueDays: 14,
      dueDate: '2026-04-14',
      dueAt: at('2026-04-14T15:00:00Z'), // 2026-04-15T00:00+09:00
    });
  });

  it('counts 15:00:00Z as the next Japan day (1 April)', () => {
    const due = dueDateFor(policy, 'disclosure', at('2026-03-31T15:00:00Z'));
    expect(due.dueDate).toBe('2026-04-15');
    expect(due.dueAt).toBe(at('2026-04-15T15:00:00Z'));
  });

  it('gives the same due date to the first and the last instant of a Japan day', () => {
    const first = dueDateFor(policy, 'complaint', at('2026-01-09T15:00:00Z'));
    const last = dueDateFor(policy, 'complaint', at('2026-01-10T14:59:59.999Z'));
    expect(first).toEqual(last);
    expect(first.dueDate).toBe('2026-01-24');
  });

  it('caps dueDays at 14 (APPI Art. 39) even when the file sets more, and honours less', () => {
    const doc = structuredClone(policy.document);
    doc.requestKinds[0]!.dueDays = 30;
    doc.requestKinds[1]!.dueDays = 7;
    const p = compilePolicy(doc);
    const received = at('2026-01-10T03:00:00Z');
    expect(dueDateFor(p, doc.requestKinds[0]!.id, received).dueDays).toBe(MAX_DUE_DAYS);
    expect(dueDateFor(p, doc.requestKinds[1]!.id, received).dueDate).toBe('2026-01-17');
  });
});

describe('dueStatus', () => {
  const { dueAt } = dueDateFor(policy, 'disclosure', at('2026-03-31T15:00:00Z')); // due 04-15 JST
  const open = { dueAt, closedAt: null };

  it('is onTime with more than three days left', () => {
    expect(dueStatus(open, at('2026-04-12T14:59:59Z'))).toBe('onTime');
  });

  it('is dueSoon from 72 hours before the end of the due date', () => {
    expect(dueStatus(open, at('2026-04-12T15:00:00Z'))).toBe('dueSoon');
    expect(dueStatus(open, at('2026-04-15T14:59:59.999Z'))).toBe('dueSoon');
  });

  it('is overdue from midnight Japan time after the due date', () => {
    expect(dueStatus(open, at('2026-04-15T15:00:00Z'))).toBe('overdue');
  });

  it('judges a closed request at the moment it closed', () => {
    expect(
      dueStatus({ dueAt, closedAt: at('2026-04-15T14:00:00Z') }, at('2027-01-01T00:00:00Z')),
    ).toBe('onTime');
    expect(
      dueStatus({ dueAt, closedAt: at('2026-04-15T15:00:00Z') }, at('2026-04-15T15:00:00Z')),
    ).toBe('overdue');
  });
});
