import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { appContext, type AppContext } from '../../../src/app/dependencies.js';
import { resolvePolicies } from '../../../src/app/policies.js';
import { attempt } from '../../../src/app/command.js';
import { automaticAnalysisEvent } from '../../../src/app/cycle/automatic-negativation.js';
import { CYCLE_ACTOR } from '../../../src/app/cycle/actor.js';
import { startRequest, type StartRequest } from '../../../src/app/negativation/request-negativation.js';
import { applyNegativationEvent } from '../../../src/app/negativation/negativation-store.js';
import { addDays, brazilianCalendar, civilDate } from '../../../src/calendar/index.js';
import { fromCents } from '../../../src/money/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../../src/testing/index.js';
import { exampleSpec } from '../../ruler/fixtures.js';

const calendar = brazilianCalendar();
const today = civilDate('2026-11-24');
const NOTICE_MODES = ['creditor_letter', 'email_then_bureau_letter', 'bureau_sends'] as const;

function contextOver(store: MemoryStore, noticeMode: (typeof NOTICE_MODES)[number]): AppContext {
  const policies = resolvePolicies(
    { creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' }, ruler: exampleSpec, settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15, noticeMode } } },
    ['serasa'],
    staticRates(),
    calendar,
  )._unsafeUnwrap();
  const context = appContext({ store, bureaus: { serasa: fakeBureau() }, notifier: recordingNotifier(), clock: manualClock('2026-11-24T10:00:00-03:00'), rates: staticRates(), calendar, ids: sequentialIds() }, policies);
  // As the daily cycle runs: one day and one instant.
  return Object.assign({}, context, { today: () => today, nowIso: () => '2026-11-24T13:00:00.000Z' });
}

async function seeded(amountCents: number, daysOverdue: number, paidCents: number): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.transaction(async (tx) => {
    await tx.customers.insert({ id: 'c1', version: 1, name: 'Maria Souza', taxId: '12345678909', kind: 'person', email: 'maria@example.com', phone: '+5511999990000', address: { street: 'Rua A', number: '1', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' } });
    await tx.invoices.insert({ id: 'i1', version: 1, customerId: 'c1', amount: fromCents(amountCents), dueDate: addDays(today, -daysOverdue), status: 'open', paid: fromCents(0) });
    if (paidCents > 0) await tx.payments.insert({ id: 'p1', version: 1, invoiceId: 'i1', customerId: 'c1', amount: fromCents(paidCents), paidOn: addDays(today, -1), fundsAvailableOn: addDays(today, -1) });
  });
  return store;
}

const request: StartRequest = {
  idempotencyKey: 'automatic-negativation:i1',
  actor: CYCLE_ACTOR,
  invoiceId: 'i1',
  origin: 'automatic',
  authorization: { kind: 'setting', setting: 'registerAutomatically', path: ['settings', 'general', 'registerAutomatically'] },
};

/** What a store holds after the request, ids of audit lines and effects left out (the one write takes them in another order). */
async function written(store: MemoryStore) {
  const snapshot = store.snapshot();
  const strip = <T extends { id: string }>(items: readonly T[]) => items.map(({ id: _id, ...rest }) => rest);
  return { negativations: snapshot.negativations, audit: strip(snapshot.audit), outbox: strip(snapshot.outbox) };
}

describe("the cycle's automatic request approved in the same write", () => {
  it('stores what the request and then the automatic analysis store (the record written once: version 1 instead of 2), the same audit lines and effects', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NOTICE_MODES), fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 15, max: 2000 }), fc.nat({ max: 100 }), async (noticeMode, amountCents, daysOverdue, paidPercent) => {
        const paidCents = Math.floor((amountCents * paidPercent) / 200);
        // Two steps, as the negativation pass did them: the request, then the analysis on the stored record.
        const twoSteps = await seeded(amountCents, daysOverdue, paidCents);
        const before = contextOver(twoSteps, noticeMode);
        const stepResult = await twoSteps.transaction(async (tx) => {
          const requested = await attempt(() => startRequest(tx, before, request));
          if (!requested.ok) return requested.error.code;
          const approved = await attempt(() => applyNegativationEvent(tx, before, requested.value, automaticAnalysisEvent(requested.value.negativation, today, before.nowIso())));
          return approved.ok ? 'approved' : `approval ${approved.error.code}`;
        });
        // One write.
        const oneWrite = await seeded(amountCents, daysOverdue, paidCents);
        const now = contextOver(oneWrite, noticeMode);
        const oneResult = await oneWrite.transaction(async (tx) => {
          const requested = await attempt(() => startRequest(tx, now, request, { approve: (negativation) => automaticAnalysisEvent(negativation, today, now.nowIso()) }));
          if (!requested.ok) return requested.error.code;
          return requested.value.status === 'processing' ? 'approved' : 'in analysis';
        });
        seen.add(stepResult);
        expect(oneResult).toBe(stepResult);
        const [a, b] = [await written(twoSteps), await written(oneWrite)];
        expect(b.audit).toEqual(a.audit);
        expect(b.outbox).toEqual(a.outbox);
        expect(b.negativations.map(({ version, ...rest }) => [version + 1, rest])).toEqual(a.negativations.map(({ version, ...rest }) => [version, rest]));
        if (stepResult === 'approved') expect(b.negativations.map((n) => [n.status, n.version, n.negativation.version])).toEqual([['processing', 1, 2]]);
      }),
      { numRuns: 60 },
    );
    // Both sides of the property were drawn: requests approved, and requests the guards refused (e.g. past the age limit).
    expect([...seen].sort()).toEqual(['approved', 'guard_failed']);
  });

  it('stores the request in analysis, as without the option, when the step does not apply (the negativation pass then decides)', async () => {
    const store = await seeded(12_000, 30, 0);
    const context = contextOver(store, 'creditor_letter');
    const record = await store.transaction((tx) => startRequest(tx, context, request, { approve: () => ({ type: 'notice_period_elapsed', on: today, actor: CYCLE_ACTOR, at: context.nowIso() }) }));
    expect([record.status, record.version, record.negativation.version]).toEqual(['in_analysis', 1, 1]);
    const { audit, outbox } = await written(store);
    expect(audit.map((line) => [line.subjectType, line.action])).toEqual([
      ['negativation', 'negativation_requested'],
      ['invoice', 'negativation_requested'],
    ]);
    expect(outbox).toEqual([]);
  });
});
