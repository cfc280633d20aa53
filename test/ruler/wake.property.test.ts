import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEpochDay, civilDate } from '../../src/calendar/index.js';
import { defineRuler, evaluateRuler, type NegativationState, type ResolvedSettings, type Ruler, type RulerEvaluation, type RulerInvoice } from '../../src/ruler/index.js';
import { dayText, instantOf, rulerArb } from './arbitraries.js';
import { calendar, settingsOf } from './fixtures.js';

/*
 * The wake days are a promise: between today and the wake day, an evaluation with no write in
 * between finds nothing new. So a host that evaluates a customer only on its wake days (and on
 * day 0) sees exactly the outcomes, on exactly the days, that a host evaluating every day sees.
 */

const DAYS = 60;

const settingsArb = fc
  .record({
    registerAutomatically: fc.boolean(),
    removeAutomatically: fc.boolean(),
    anchor: fc.constantFrom('invoice', 'customer'),
    daysToNextAction: fc.constantFrom(null, 0, 3, 12),
    daysToRegister: fc.constantFrom(null, 7, 20),
    enabledChannels: fc.constantFrom(['email', 'sms', 'whatsapp', 'letter', 'push'], ['email', 'sms'], ['whatsapp', 'letter']),
  })
  .map((s) => settingsOf(s));

/** A ruler with a follow-up rhythm (a step per channel every few days) and the random ones of the other properties. */
const cadenceArb: fc.Arbitrary<Ruler> = fc
  .record({ start: fc.integer({ min: -8, max: 5 }), every: fc.integer({ min: 1, max: 9 }), count: fc.integer({ min: 2, max: 6 }), negativateAt: fc.integer({ min: 5, max: 40 }), stale: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }) })
  .map(({ start, every, count, negativateAt, stale }) => {
    const steps = Array.from({ length: count }, (_, i) => ({
      id: `c${i}`,
      offsetDays: start + i * every,
      action: { kind: 'notify' as const, channel: i % 2 === 0 ? ('email' as const) : ('sms' as const), template: 't' },
      ...(stale !== undefined ? { staleAfterDays: stale } : {}),
      ...(i === count - 1 ? { conditions: { minDaysOverdue: negativateAt - 3, minAmount: { cents: 5_000 } } } : {}),
    }));
    const ruler = defineRuler({
      id: 'cadence',
      policy: { requireNoticeBeforeNegativation: false },
      steps: [...steps, { id: 'neg', offsetDays: negativateAt, action: { kind: 'negativate' } }, { id: 'rm', offsetDays: 2, action: { kind: 'remove_negativation' } }, { id: 'restore', offsetDays: 1, runsOnNonBusinessDays: true, action: { kind: 'restore_service' } }],
    });
    if (ruler.isErr()) throw new Error(ruler.error.message);
    return ruler.value;
  });

const invoiceArb = fc.record({
  customer: fc.integer({ min: 0, max: 4 }),
  due: fc.integer({ min: -40, max: 50 }),
  cents: fc.integer({ min: 0, max: 30_000 }),
  updated: fc.option(fc.record({ cents: fc.integer({ min: 0, max: 20_000 }), perDay: fc.integer({ min: 0, max: 300 }) }), { nil: undefined }),
  payments: fc.array(fc.record({ at: fc.integer({ min: -30, max: 60 }), cents: fc.integer({ min: 1, max: 20_000 }) }), { maxLength: 2 }),
  paidOn: fc.option(fc.integer({ min: -20, max: 60 }), { nil: undefined }),
  agreement: fc.option(fc.record({ state: fc.constantFrom('proposed', 'active', 'fulfilled', 'broken', 'cancelled' as const), at: fc.integer({ min: -10, max: 60 }) }), { nil: undefined }),
  negativation: fc.option(fc.record({ state: fc.constantFrom<NegativationState>('processing', 'negativated', 'recovered', 'cancelled', 'failed'), registeredAt: fc.option(fc.integer({ min: -30, max: 40 }), { nil: undefined }) }), { nil: undefined }),
  serviceCut: fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }),
  customerKind: fc.option(fc.constantFrom('person' as const, 'company' as const), { nil: undefined }),
  tags: fc.option(fc.subarray(['vip', 'b2b']), { nil: undefined }),
  branch: fc.option(fc.constantFrom('sp', 'rj'), { nil: undefined }),
});

/**
 * Portfolios of up to 14 invoices of up to 5 customers: open, partly paid, paid (now or on a later
 * day), registered, under agreement; as read on a given day (offset from BASE_DAY): an `updatedAmount`
 * grows each day past the due date, as the app's late charges do, with no write.
 */
type Row = typeof invoiceArb extends fc.Arbitrary<infer R> ? R : never;

/**
 * The invoice's `updatedAmount` on a day, as the app's late charges make it: growing each day past the
 * due date (no write), until the payments made by then cover it (then it stays).
 */
function updatedCents(r: Row, day: number): number | undefined {
  if (r.updated === undefined) return undefined;
  let cents = r.updated.cents;
  for (let d = r.due + 1; d <= day; d++) {
    const paid = r.payments.filter((p) => p.at <= d - 1).reduce((sum, p) => sum + p.cents, 0);
    if (cents === 0 || paid >= cents) break; // no charge on nothing owed
    cents += r.updated.perDay;
  }
  return cents;
}

/**
 * Portfolios of up to 14 invoices of up to 5 customers: open, partly paid, paid (now or on a later
 * day), registered, under agreement; as read on a given day (offset from BASE_DAY).
 */
const portfolioArb: fc.Arbitrary<(day: number) => RulerInvoice[]> = fc.array(invoiceArb, { maxLength: 14 }).map((rows) => {
  const on = (day: number): RulerInvoice[] =>
    rows.map((r, i) => {
      const updated = updatedCents(r, day);
      return {
        id: `inv${i}`,
        customerId: `cus${r.customer}`,
        dueDate: dayText(r.due),
        amount: { cents: r.cents },
        ...(updated !== undefined ? { updatedAmount: { cents: updated } } : {}),
        ...(r.payments.length > 0 ? { payments: r.payments.map((p) => ({ date: dayText(p.at), amount: { cents: p.cents } })) } : {}),
        ...(r.paidOn !== undefined ? { paidOn: dayText(r.paidOn) } : {}),
        ...(r.agreement ? { agreement: { state: r.agreement.state, since: dayText(r.agreement.at) } } : {}),
        ...(r.negativation ? { negativation: { state: r.negativation.state, ...(r.negativation.registeredAt !== undefined ? { registeredOn: dayText(r.negativation.registeredAt) } : {}) } } : {}),
        ...(r.serviceCut !== undefined ? { serviceCutOn: dayText(r.serviceCut) } : {}),
        ...(r.customerKind ? { customerKind: r.customerKind } : {}),
        ...(r.tags ? { tags: r.tags } : {}),
        ...(r.branch ? { branch: r.branch } : {}),
      };
    });
  return Object.assign(on, { toString: () => JSON.stringify(rows) });
});

function evaluate(ruler: Ruler, settings: ResolvedSettings, invoices: readonly RulerInvoice[], asOf: string, done: ReadonlySet<string>): RulerEvaluation {
  const result = evaluateRuler({ ruler, settings, invoices, asOf, calendar, done, wakes: true, batchSize: 4 });
  if (result.isErr()) throw new Error(result.error.message);
  return result.value;
}

/** The app's answer to a due negativate request: `waiting` (not logged, asked again) on some days, as a pure function of the key and the day. */
function waits(key: string, day: number): boolean {
  let hash = day;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return (hash & 3) === 0;
}

/** One day of the app: the outcomes as sorted text, the log grown by what it logs, the customers left with an unlogged outcome. */
function runDay(evaluation: RulerEvaluation, day: number, log: Set<string>): { outcomes: string[]; unlogged: Set<string> } {
  const outcomes: string[] = [];
  const unlogged = new Set<string>();
  for (const action of evaluation.due) {
    outcomes.push(`due ${action.key} ${action.scheduledFor}`);
    if (action.action.kind === 'negativate' && waits(action.key, day)) unlogged.add(action.customerId);
    else log.add(action.key);
  }
  for (const action of evaluation.deferred) {
    outcomes.push(`deferred ${action.key} ${action.scheduledFor}`);
    log.add(action.key);
  }
  for (const skipped of evaluation.skipped) {
    outcomes.push(`skipped ${skipped.key} ${skipped.scheduledFor} ${skipped.reason} ${skipped.supersededBy ?? ''}`);
    log.add(skipped.key);
  }
  return { outcomes: outcomes.sort(), unlogged };
}

describe('the ruler’s wake days', () => {
  it('evaluating each customer only on day 0 and its wake days gives the same outcomes on the same days as evaluating every day', () => {
    fc.assert(
      fc.property(
        fc.oneof(rulerArb, cadenceArb),
        settingsArb,
        portfolioArb,
        fc.integer({ min: -10, max: 10 }),
        fc.integer({ min: 0, max: 1439 }),
        (ruler, settings, portfolioOn, start, minute) => {
          const everyDay: string[][] = [];
          const dailyLog = new Set<string>();
          for (let d = 0; d < DAYS; d++) everyDay.push(runDay(evaluate(ruler, settings, portfolioOn(start + d), instantOf({ day: start + d, minute }), dailyLog), d, dailyLog).outcomes);

          const onWakeDays: string[][] = [];
          const wakeLog = new Set<string>();
          const ids = portfolioOn(start);
          const customers = [...new Set(ids.map((i) => i.customerId))];
          const wakeOn = new Map<string, number>(customers.map((c) => [c, 0]));
          for (let d = 0; d < DAYS; d++) {
            const due = new Set(customers.filter((c) => (wakeOn.get(c) ?? Number.POSITIVE_INFINITY) <= d));
            if (due.size === 0) {
              onWakeDays.push([]);
              continue;
            }
            const evaluation = evaluate(ruler, settings, portfolioOn(start + d).filter((i) => due.has(i.customerId)), instantOf({ day: start + d, minute }), wakeLog);
            const { outcomes, unlogged } = runDay(evaluation, d, wakeLog);
            onWakeDays.push(outcomes);
            const today = toEpochDay(civilDate(dayText(start + d)));
            for (const c of due) wakeOn.set(c, unlogged.has(c) ? d + 1 : Number.POSITIVE_INFINITY);
            for (const invoice of ids) {
              const wake = evaluation.wakes?.get(invoice.id);
              if (!due.has(invoice.customerId) || wake === undefined) continue;
              const day = toEpochDay(civilDate(wake)) - today;
              expect(day).toBeGreaterThan(0);
              wakeOn.set(invoice.customerId, Math.min(wakeOn.get(invoice.customerId) ?? Number.POSITIVE_INFINITY, d + day));
            }
          }
          expect(onWakeDays).toEqual(everyDay);
        },
      ),
      { numRuns: 250 },
    );
  });
});
