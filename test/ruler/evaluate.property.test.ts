import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEpochDay, weekdayOf, zonedDateTime, civilDate } from '../../src/calendar/index.js';
import { evaluateRuler, isSettlementAction, type DueAction, type RulerEvaluation, type RulerInvoice, type Ruler, type ResolvedSettings } from '../../src/ruler/index.js';
import { epochDayOfText } from '../../src/calendar/civil-date.js';
import { BASE_DAY, dayText, instantOf, momentArb, portfolioArb, rulerArb } from './arbitraries.js';
import { calendar, settingsOf } from './fixtures.js';

const settingsArb = fc
  .record({ registerAutomatically: fc.boolean(), removeAutomatically: fc.boolean(), anchor: fc.constantFrom('invoice', 'customer'), daysToNextAction: fc.constantFrom(null, 3) })
  .map((s) => settingsOf(s));

function evaluate(ruler: Ruler, settings: ResolvedSettings, invoices: RulerInvoice[], asOf: string, done?: readonly string[], batchSize?: number): RulerEvaluation {
  const result = evaluateRuler({ ruler, settings, invoices, asOf, calendar, ...(done ? { done } : {}), ...(batchSize ? { batchSize } : {}) });
  if (result.isErr()) throw new Error(result.error.message);
  return result.value;
}

const keys = (items: readonly { key: string }[]): string[] => items.map((i) => i.key).sort();

describe('evaluateRuler properties', () => {
  it('idempotence: evaluate, log what it returned, evaluate again → nothing new', () => {
    fc.assert(
      fc.property(rulerArb, settingsArb, portfolioArb, momentArb, (ruler, settings, invoices, moment) => {
        const asOf = instantOf(moment);
        const first = evaluate(ruler, settings, invoices, asOf);
        const log = [...keys(first.due), ...keys(first.skipped)];
        expect(new Set(log).size).toBe(log.length); // every key at most once
        const second = evaluate(ruler, settings, invoices, asOf, log);
        expect(second.due).toEqual([]);
        expect(second.skipped).toEqual([]);
        expect(keys(second.deferred)).toEqual(keys(first.deferred));
      }),
      { numRuns: 300 },
    );
  });

  it('the per-invoice `done` lists and a global key log give the same answer', () => {
    fc.assert(
      fc.property(rulerArb, settingsArb.filter((s) => s.values.anchor === 'invoice'), portfolioArb, momentArb, (ruler, settings, invoices, moment) => {
        const asOf = instantOf(moment);
        const first = evaluate(ruler, settings, invoices, asOf);
        const doneBy = new Map<string, string[]>();
        for (const item of [...first.due, ...first.skipped]) doneBy.set(item.invoiceId, [...(doneBy.get(item.invoiceId) ?? []), item.stepId]);
        const withOwnLogs = invoices.map((inv) => ({ ...inv, done: doneBy.get(inv.id) ?? [] }));
        const later = instantOf({ day: moment.day + 3, minute: moment.minute });
        const viaOwn = evaluate(ruler, settings, withOwnLogs, later);
        const viaGlobal = evaluate(ruler, settings, invoices, later, [...keys(first.due), ...keys(first.skipped)]);
        expect(keys(viaOwn.due)).toEqual(keys(viaGlobal.due));
        expect(keys(viaOwn.skipped)).toEqual(keys(viaGlobal.skipped));
      }),
      { numRuns: 150 },
    );
  });

  it('monotonicity: due on day d stays due on d+1 unless paid/covered, superseded, past its staleness limit, or a reminder past the payable day', () => {
    fc.assert(
      fc.property(rulerArb, settingsArb, portfolioArb, momentArb, (ruler, settings, invoices, moment) => {
        const today = evaluate(ruler, settings, invoices, instantOf(moment));
        const tomorrow = evaluate(ruler, settings, invoices, instantOf({ day: moment.day + 1, minute: moment.minute }));
        const nextDay = dayText(moment.day + 1);
        // Customers whose money or agreements move on d+1 may legitimately change.
        const moved = new Set(
          invoices.filter((i) => i.payments?.some((p) => p.date === nextDay) || i.paidOn === nextDay || i.agreement?.since === nextDay).map((i) => i.customerId),
        );
        const stillDue = new Set([...keys(tomorrow.due), ...keys(tomorrow.deferred)]);
        const superseded = new Set(tomorrow.skipped.filter((s) => s.reason === 'superseded' || s.reason === 'stale' || s.reason === 'reminder_after_due').map((s) => s.key));
        for (const action of [...today.due, ...today.deferred]) {
          if (moved.has(action.customerId)) continue;
          expect(stillDue.has(action.key) || superseded.has(action.key), action.key).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reminders are for before: no outcome of a negative-offset step is ever due (or deferred to) after the payable day', () => {
    const payableDay = (due: string): number => {
      let day = toEpochDay(civilDate(due));
      while (!calendar.isBusinessEpochDay(day)) day++;
      return day;
    };
    fc.assert(
      fc.property(rulerArb, settingsArb, portfolioArb, momentArb, (ruler, settings, invoices, moment) => {
        const out = evaluate(ruler, settings, invoices, instantOf(moment));
        // settlement steps (remove negativation, restore service) count from the settlement, not the due date: not reminders
        const offsets = new Map(ruler.steps.filter((step) => !isSettlementAction(step.action.kind)).map((step) => [step.id, step.offsetDays]));
        const dueOf = new Map(invoices.map((i) => [i.id, i.dueDate]));
        for (const action of [...out.due, ...out.deferred] as (DueAction & { notBefore?: { date: string } })[]) {
          if ((offsets.get(action.stepId) ?? 0) >= 0) continue;
          const payable = payableDay(dueOf.get(action.invoiceId) ?? '');
          expect(BASE_DAY + moment.day, action.key).toBeLessThanOrEqual(payable);
          if (action.notBefore) expect(toEpochDay(civilDate(action.notBefore.date)), action.key).toBeLessThanOrEqual(payable);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('any batch size and any order give the same set of actions', () => {
    fc.assert(
      fc.property(
        rulerArb,
        settingsArb,
        portfolioArb.chain((invoices) => fc.tuple(fc.constant(invoices), fc.shuffledSubarray(invoices, { minLength: invoices.length, maxLength: invoices.length }))),
        fc.integer({ min: 1, max: 30 }),
        momentArb,
        (ruler, settings, [invoices, shuffled], batchSize, moment) => {
          const asOf = instantOf(moment);
          const whole = evaluate(ruler, settings, invoices, asOf);
          const batched = evaluate(ruler, settings, shuffled, asOf, undefined, batchSize);
          expect(keys(batched.due)).toEqual(keys(whole.due));
          expect(keys(batched.deferred)).toEqual(keys(whole.deferred));
          expect(keys(batched.skipped)).toEqual(keys(whole.skipped));
          expect(batched.invoicesEvaluated).toBe(invoices.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('no contact outside the window (Mon–Fri 8h–20h, Sat 8h–14h, never Sundays or holidays); deferrals land inside it', () => {
    const inside = (date: string, minute: number): boolean => {
      const d = civilDate(date);
      const weekday = weekdayOf(d);
      if (weekday === 0 || calendar.holidayOn(d) !== undefined) return false;
      return weekday === 6 ? minute >= 480 && minute < 840 : minute >= 480 && minute < 1200;
    };
    fc.assert(
      fc.property(rulerArb, settingsArb, portfolioArb, momentArb, (ruler, settings, invoices, moment) => {
        const asOf = instantOf(moment);
        const out = evaluate(ruler, settings, invoices, asOf);
        const now = zonedDateTime(Date.parse(asOf));
        for (const action of out.due) if (action.action.kind === 'notify') expect(inside(now.date, now.minuteOfDay)).toBe(true);
        for (const action of out.deferred) {
          expect(action.action.kind).toBe('notify');
          expect(inside(action.notBefore.date, action.notBefore.minuteOfDay)).toBe(true);
          expect(Date.parse(action.notBefore.instant)).toBeGreaterThanOrEqual(Date.parse(asOf) - 60_000);
          expect(zonedDateTime(Date.parse(action.notBefore.instant))).toMatchObject({ date: action.notBefore.date, minuteOfDay: action.notBefore.minuteOfDay });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a settled invoice never gets a dunning step (only settlement steps)', () => {
    fc.assert(
      fc.property(rulerArb, settingsArb.filter((s) => s.values.anchor === 'invoice'), portfolioArb, momentArb, (ruler, settings, invoices, moment) => {
        const out = evaluate(ruler, settings, invoices, instantOf(moment));
        const today = BASE_DAY + moment.day;
        for (const action of [...out.due, ...out.deferred]) {
          const invoice = invoices.find((i) => i.id === action.invoiceId);
          const paid = invoice?.payments?.some((p) => toEpochDay(civilDate(p.date)) <= today && p.amount && (p.amount as { cents: number }).cents >= (invoice.amount as { cents: number }).cents);
          const covered = invoice?.agreement && ['active', 'fulfilled'].includes(invoice.agreement.state) && toEpochDay(civilDate(invoice.agreement.since)) <= today;
          if ((paid && (invoice?.amount as { cents: number }).cents > 0) || covered) expect(['restore_service', 'remove_negativation']).toContain(action.action.kind);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the fast date reader agrees with the kernel parser', () => {
    fc.assert(
      fc.property(fc.oneof(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string({ maxLength: 12 })), (text) => {
        const fast = epochDayOfText(text);
        const slow = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text) ? toEpochDay(civilDate(text)) : Number.NaN;
        expect(fast).toBe(slow);
      }),
      { numRuns: 2000 },
    );
  });
});
