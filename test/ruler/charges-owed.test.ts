import { describe, expect, it } from 'vitest';
import { evaluateRuler, type RulerSpec } from '../../src/ruler/index.js';

const ruler: RulerSpec = { id: 'r', steps: [{ id: 'sms', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 't' } }] };
const invoice = (paidCents: number) => ({
  id: 'i1',
  customerId: 'c1',
  dueDate: '2026-11-02',
  amount: { cents: 10_000 },
  updatedAmount: { cents: 10_500 },
  payments: [{ date: '2026-11-03', amount: { cents: paidCents } }],
});

describe('an invoice is settled only when the late charges are paid too (DOMAIN §1)', () => {
  it('paying the face value while charges are owed keeps the ruler going', () => {
    const result = evaluateRuler({ ruler, invoices: [invoice(10_000)], asOf: '2026-11-04T10:00:00-03:00' })._unsafeUnwrap();
    expect(result.due.map((a) => [a.stepId, a.openAmount.cents])).toEqual([['sms', 500]]);
  });

  it('paying the updated amount stops it', () => {
    expect(evaluateRuler({ ruler, invoices: [invoice(10_500)], asOf: '2026-11-04T10:00:00-03:00' })._unsafeUnwrap().due).toEqual([]);
  });
});
