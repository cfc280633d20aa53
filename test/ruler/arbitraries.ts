import fc from 'fast-check';
import { fromEpochDay, toEpochDay, civilDate } from '../../src/calendar/index.js';
import { defineRuler, type NegativationState, type Ruler, type RulerInvoice } from '../../src/ruler/index.js';

export const BASE_DAY = toEpochDay(civilDate('2026-03-02'));

const actionArb = fc.oneof(
  fc.record({ kind: fc.constant('notify' as const), channel: fc.constantFrom('email', 'sms', 'whatsapp', 'letter', 'push', 'default'), template: fc.constant('t') }),
  fc.constantFrom(
    { kind: 'forward_to_collections' as const },
    { kind: 'negativate' as const },
    { kind: 'protest' as const },
    { kind: 'suspend_service' as const },
    { kind: 'reduce_service' as const },
    { kind: 'restore_service' as const },
    { kind: 'remove_negativation' as const },
    { kind: 'create_task' as const, title: 'ligar' },
  ),
);

const conditionsArb = fc.option(
  fc.record(
    {
      minAmount: fc.integer({ min: 0, max: 20_000 }).map((cents) => ({ cents })),
      minDaysOverdue: fc.integer({ min: 0, max: 20 }),
      customerKind: fc.constantFrom('person' as const, 'company' as const),
      tags: fc.subarray(['vip', 'b2b']),
      branches: fc.subarray(['sp', 'rj'], { minLength: 1 }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

/** Random valid rulers (contradictory specs are dropped), up to 8 steps from D-10 to D+40. */
export const rulerArb: fc.Arbitrary<Ruler> = fc
  .array(
    fc.record({
      offsetDays: fc.integer({ min: -10, max: 40 }),
      action: actionArb,
      conditions: conditionsArb,
      runsOnNonBusinessDays: fc.boolean(),
      staleAfterDays: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((steps) =>
    defineRuler({
      id: 'prop',
      policy: { requireNoticeBeforeNegativation: false },
      steps: steps.map((s, i) => ({ id: `s${i}`, offsetDays: s.offsetDays, action: s.action, runsOnNonBusinessDays: s.runsOnNonBusinessDays, ...(s.staleAfterDays !== undefined ? { staleAfterDays: s.staleAfterDays } : {}), ...(s.conditions ? { conditions: s.conditions } : {}) })),
    }),
  )
  .filter((r) => r.isOk())
  .map((r) => r._unsafeUnwrap());

const day = (offset: number): string => fromEpochDay(BASE_DAY + offset);

const invoiceArb = fc.record({
  customer: fc.integer({ min: 0, max: 5 }),
  due: fc.integer({ min: -40, max: 40 }),
  cents: fc.integer({ min: 0, max: 30_000 }),
  payment: fc.option(fc.record({ at: fc.integer({ min: -30, max: 60 }), cents: fc.integer({ min: 1, max: 30_000 }) }), { nil: undefined }),
  agreement: fc.option(fc.record({ state: fc.constantFrom('proposed', 'active', 'fulfilled', 'broken', 'cancelled' as const), at: fc.integer({ min: -10, max: 60 }) }), {
    nil: undefined,
  }),
  negativation: fc.option(fc.constantFrom<NegativationState>('processing', 'negativated', 'recovered', 'cancelled', 'failed'), { nil: undefined }),
  customerKind: fc.option(fc.constantFrom('person' as const, 'company' as const), { nil: undefined }),
  tags: fc.option(fc.subarray(['vip', 'b2b']), { nil: undefined }),
  branch: fc.option(fc.constantFrom('sp', 'rj'), { nil: undefined }),
});

/** Random portfolios of up to 25 invoices around 2026-03-02 with payments, agreements and negativations. */
export const portfolioArb: fc.Arbitrary<RulerInvoice[]> = fc.array(invoiceArb, { maxLength: 25 }).map((rows) =>
  rows.map((r, i) => ({
    id: `inv${i}`,
    customerId: `cus${r.customer}`,
    dueDate: day(r.due),
    amount: { cents: r.cents },
    ...(r.payment ? { payments: [{ date: day(r.payment.at), amount: { cents: r.payment.cents } }] } : {}),
    ...(r.agreement ? { agreement: { state: r.agreement.state, since: day(r.agreement.at) } } : {}),
    ...(r.negativation ? { negativation: { state: r.negativation } } : {}),
    ...(r.customerKind ? { customerKind: r.customerKind } : {}),
    ...(r.tags ? { tags: r.tags } : {}),
    ...(r.branch ? { branch: r.branch } : {}),
  })),
);

/** A day offset from BASE_DAY and a minute of the day (São Paulo). */
export const momentArb = fc.record({ day: fc.integer({ min: -5, max: 70 }), minute: fc.integer({ min: 0, max: 1439 }) });

/** The ISO instant of a moment in São Paulo (UTC−3 all year since 2019). */
export function instantOf(moment: { day: number; minute: number }): string {
  const hh = String(Math.floor(moment.minute / 60)).padStart(2, '0');
  const mm = String(moment.minute % 60).padStart(2, '0');
  return `${day(moment.day)}T${hh}:${mm}:00-03:00`;
}

export { day as dayText };
