import { describe, expect, it } from 'vitest';
import { DEFAULT_NEGATIVATION_SETTINGS, negativationSettingsSchema, refusalVerdict, type GuardViolation } from '../../src/negativation/index.js';
import { parseInput } from '../../src/errors.js';

describe('negativation settings', () => {
  it('the defaults are the legally safe ones', () => {
    expect(parseInput(negativationSettingsSchema, {})._unsafeUnwrap()).toEqual(DEFAULT_NEGATIVATION_SETTINGS);
    expect(DEFAULT_NEGATIVATION_SETTINGS).toMatchObject({ noticeWaitingDays: 10, qualifyingNoticeChannels: ['letter'], submissionCutoffMonths: 59, removeAutomatically: true, minimumDaysOverdue: 30 });
  });

  it('holds no switch of when to ask (registerAutomatically, daysToRegister live in the one settings tree, read by the caller)', () => {
    expect(Object.keys(DEFAULT_NEGATIVATION_SETTINGS)).not.toContain('registerAutomatically');
    expect(parseInput(negativationSettingsSchema, { daysAfterDueDate: 20 })._unsafeUnwrapErr().code).toBe('invalid_input');
  });

  it('bad settings are typed errors with the path', () => {
    expect(parseInput(negativationSettingsSchema, { minimumAmount: 10 }, ['general'])._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['general', 'minimumAmount'] });
    expect(parseInput(negativationSettingsSchema, { minimumDaysOverdue: 0 })._unsafeUnwrapErr().path).toEqual(['minimumDaysOverdue']);
  });
});

describe('waiting is not refusing: what a refusal means', () => {
  const v = (guard: GuardViolation['guard'], details?: Record<string, unknown>): GuardViolation => ({ guard, message: guard, basis: '-', ...(details ? { details } : {}) });

  it('time heals minimum days overdue and the notice period: the latest day they pass is when to ask again', () => {
    expect(refusalVerdict([v('minimum_days_overdue', { allowedFrom: '2026-11-01' })])).toEqual({ kind: 'waits', guards: ['minimum_days_overdue'], allowedFrom: '2026-11-01' });
    expect(refusalVerdict([v('minimum_days_overdue', { allowedFrom: '2026-11-01' }), v('prior_notice', { allowedFrom: '2026-11-05' })]).allowedFrom).toBe('2026-11-05');
  });

  it('missing debtor data needs the record to change; anything final wins over waiting', () => {
    expect(refusalVerdict([v('debtor_data'), v('minimum_days_overdue')]).kind).toBe('needs_data');
    for (const final of ['age_limit', 'prescription', 'no_duplicate', 'not_disputed', 'not_paid', 'not_in_agreement', 'minimum_amount'] as const) {
      expect(refusalVerdict([v('minimum_days_overdue'), v('debtor_data'), v(final)]).kind).toBe('final');
    }
  });
});
