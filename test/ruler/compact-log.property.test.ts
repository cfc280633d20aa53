import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRuler, rulerActionLog, type ActionLog, type RulerEvaluation, type RulerInvoice, type Ruler, type ResolvedSettings } from '../../src/ruler/index.js';
import { instantOf, momentArb, portfolioArb, rulerArb } from './arbitraries.js';
import { calendar, settingsOf } from './fixtures.js';

const settingsArb = fc
  .record({ registerAutomatically: fc.boolean(), removeAutomatically: fc.boolean(), anchor: fc.constantFrom('invoice', 'customer'), daysToNextAction: fc.constantFrom(null, 3) })
  .map((s) => settingsOf(s));

function evaluate(ruler: Ruler, settings: ResolvedSettings, invoices: RulerInvoice[], asOf: string, done?: ActionLog): RulerEvaluation {
  const result = evaluateRuler({ ruler, settings, invoices, asOf, calendar, ...(done ? { done } : {}) });
  if (result.isErr()) throw new Error(result.error.message);
  return result.value;
}

const keys = (items: readonly { key: string }[]): string[] => items.map((i) => i.key).sort();
const answer = (e: RulerEvaluation): string[][] => [keys(e.due), keys(e.deferred), keys(e.skipped)];

describe('the compact action log (rulerActionLog)', () => {
  it('answers as a Set of the same keys does: built from keys or from the outcomes themselves, in both anchor modes', () => {
    fc.assert(
      fc.property(rulerArb, settingsArb, portfolioArb, momentArb, fc.nat({ max: 5 }), (ruler, settings, invoices, moment, later) => {
        const first = evaluate(ruler, settings, invoices, instantOf(moment));
        const logged = [...first.due, ...first.skipped];
        const asOf = instantOf({ day: moment.day + later, minute: moment.minute });
        const viaSet = evaluate(ruler, settings, invoices, asOf, new Set(logged.map((o) => o.key)));
        expect(answer(evaluate(ruler, settings, invoices, asOf, rulerActionLog(logged.map((o) => o.key))))).toEqual(answer(viaSet));
        expect(answer(evaluate(ruler, settings, invoices, asOf, rulerActionLog(logged)))).toEqual(answer(viaSet));
        if (later === 0) {
          const again = evaluate(ruler, settings, invoices, asOf, rulerActionLog(logged));
          expect(again.due.length + again.skipped.length).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('has(key) agrees with a Set for logged keys and for near misses', () => {
    fc.assert(
      fc.property(rulerArb, settingsArb, portfolioArb, momentArb, (ruler, settings, invoices, moment) => {
        const first = evaluate(ruler, settings, invoices, instantOf(moment));
        const logged = [...first.due, ...first.skipped].map((o) => o.key);
        const half = logged.filter((_, i) => i % 2 === 0);
        const set = new Set(half);
        const log = rulerActionLog(half);
        expect(log.size).toBe(set.size);
        for (const key of [...logged, ...logged.map((k) => `${k}x`), ...logged.map((k) => k.slice(0, -1)), 'not a key', '3:abc|i|1:x|']) expect(log.has(key)).toBe(set.has(key));
      }),
      { numRuns: 150 },
    );
  });

  it('tells customer subjects apart when their ids contain the key separators', () => {
    const ruler = { id: 'r', steps: [{ id: 's', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 't' } }] } as unknown as Ruler;
    const settings = settingsOf({ registerAutomatically: false, removeAutomatically: false, anchor: 'customer', daysToNextAction: null });
    const invoices: RulerInvoice[] = [
      { id: 'x', customerId: 'a|1:b', dueDate: '2026-03-02', amount: { cents: 100 } },
      { id: '1:b|x', customerId: 'a', dueDate: '2026-03-02', amount: { cents: 100 } },
    ];
    const first = evaluate(ruler, settings, invoices, '2026-03-10T10:00:00-03:00');
    expect(first.due.map((a) => [a.subject, a.customerId]).sort()).toEqual([['customer', 'a'], ['customer', 'a|1:b']]);
    const onlyFirst = first.due.filter((a) => a.customerId === 'a|1:b');
    for (const log of [rulerActionLog(onlyFirst), rulerActionLog(onlyFirst.map((a) => a.key))]) {
      const again = evaluate(ruler, settings, invoices, '2026-03-10T10:00:00-03:00', log);
      expect(again.due.map((a) => a.customerId)).toEqual(['a']);
      expect(log.has(first.due.find((a) => a.customerId === 'a')?.key ?? '')).toBe(false);
    }
  });

  it('keeps steps past the 31st and keys of other shapes as strings', () => {
    const stepKeys = Array.from({ length: 40 }, (_, i) => `1:r|i|3:inv|step-${i}`);
    const log = rulerActionLog([...stepKeys, 'free-form key', '1:r|c|4:cust|3:inv|s']);
    expect(log.size).toBe(42);
    for (const key of [...stepKeys, 'free-form key', '1:r|c|4:cust|3:inv|s']) expect(log.has(key)).toBe(true);
    expect(log.has('1:r|i|3:inv|step-40')).toBe(false);
    expect(log.has('1:r|c|4:cust|3:inv|t')).toBe(false);
  });
});

describe('outcomes are compact records with the public shape', () => {
  it('toJSON gives the plain object of the properties; notBefore only on deferred contacts', () => {
    fc.assert(
      fc.property(rulerArb, settingsArb, portfolioArb, momentArb, (ruler, settings, invoices, moment) => {
        const out = evaluate(ruler, settings, invoices, instantOf(moment));
        for (const action of [...out.due, ...out.deferred]) {
          const plain = JSON.parse(JSON.stringify(action)) as Record<string, unknown>;
          expect(plain).toEqual({
            key: action.key,
            rulerId: action.rulerId,
            stepId: action.stepId,
            action: action.action,
            subject: action.subject,
            invoiceId: action.invoiceId,
            customerId: action.customerId,
            scheduledFor: action.scheduledFor,
            daysOverdue: action.daysOverdue,
            openAmount: { cents: action.openAmount.cents },
            ...(action.handover ? { handover: action.handover } : {}),
            ...('notBefore' in action ? { notBefore: action.notBefore } : {}),
          });
        }
        for (const action of out.due) expect('notBefore' in action).toBe(false);
        for (const action of out.deferred) expect('notBefore' in action).toBe(true);
        for (const skipped of out.skipped) {
          expect(JSON.parse(JSON.stringify(skipped))).toEqual({
            key: skipped.key,
            stepId: skipped.stepId,
            invoiceId: skipped.invoiceId,
            customerId: skipped.customerId,
            scheduledFor: skipped.scheduledFor,
            reason: skipped.reason,
            ...(skipped.supersededBy ? { supersededBy: skipped.supersededBy } : {}),
          });
          expect(skipped.key.endsWith(`|${skipped.stepId}`)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
