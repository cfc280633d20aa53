import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { createCollections, type DailyCycleReport } from '../../../src/app/index.js';
import { addDays, brazilianCalendar, civilDate } from '../../../src/calendar/index.js';
import { brl } from '../../../src/money/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../../src/testing/index.js';

/*
 * A paging regression of the negativation due index (found by a 100k
 * comparison in an earlier session): the passes work on more than one page
 * (500) of due negativations, and a pass's own writes (a submission) touch the
 * customer's other negativations, which move to the "written" key, before the
 * pass's cursor. Keyset paging while writing skipped them (submitted a day
 * late); the passes list the due entries before working on any page. Each
 * customer has two registrations whose ids sort far apart ('i-a-…' invoices
 * are requested first, 'i-b-…' ones last), so one is on an earlier page than
 * the other, and both wait out their notice until the same day.
 */

const START = civilDate('2026-11-02');
const CUSTOMERS = 600;

function side(negativationsDue: boolean) {
  const store = new MemoryStore({ negativationsDue });
  const clock = manualClock(`${START}T10:00:00-03:00`);
  const app = createCollections({
    store,
    clock,
    notifier: recordingNotifier(),
    bureau: fakeBureau(),
    rates: staticRates(),
    calendar: brazilianCalendar(),
    ids: sequentialIds(),
    creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
    ruler: { id: 'padrao', steps: [{ id: 'lembrete', offsetDays: -3, action: { kind: 'notify', channel: 'email', template: 'lembrete' } }] },
    settings: { general: { registerAutomatically: 'no' } },
  });
  if (app.isErr()) throw new Error(app.error.message);
  return { store, clock, app: app.value };
}

async function seed(store: MemoryStore): Promise<void> {
  await store.transaction(async (tx) => {
    for (let n = 0; n < CUSTOMERS; n++) {
      const id = `c-${String(n).padStart(4, '0')}`;
      await tx.customers.insert({ id, version: 1, name: `Cliente ${n}`, taxId: '52998224725', kind: 'person', email: `${id}@example.com`, address: { street: 'Rua A', number: '1', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' } });
      for (const series of ['a', 'b']) {
        await tx.invoices.insert({ id: `i-${series}-${String(n).padStart(4, '0')}`, version: 1, customerId: id, amount: brl('150.00'), dueDate: addDays(START, -40), status: 'open', paid: brl('0'), negativate: true });
      }
    }
  });
}

describe('the negativation due index over more than one page of negativations', () => {
  it("submits every registration on the day its notice period elapses, as a full scan does, though the pass's own submissions make the customers' other registrations due under a key before its cursor", async () => {
    const sides = [side(true), side(false)];
    for (const s of sides) await seed(s.store);
    const submittedOn = new Map<string, string>();
    let indexedBeyondAPage = false;
    for (let day = 0; day <= 12; day++) {
      const today = addDays(START, day);
      for (const s of sides) s.clock.set(`${today}T10:00:00-03:00`);
      if (day === 10) {
        const due = await (sides[0] as (typeof sides)[number]).store.transaction(async (tx) => (await tx.negativationsDue?.due(today, { limit: 10_000 }))?.length ?? 0);
        indexedBeyondAPage = due > 500;
      }
      const [indexed, fullScan] = (await Promise.all(sides.map(async (s) => (await s.app.runDailyCycle({ listOutcomes: 'all' }))._unsafeUnwrap()))) as [DailyCycleReport, DailyCycleReport];
      expect(indexed.negativations.submitted, `day ${day} (${today}): submitted with the index, as by a full scan`).toEqual(fullScan.negativations.submitted);
      expect(indexed.negativations.totals, `day ${day}: the totals`).toEqual({ ...fullScan.negativations.totals, waitingForNotice: indexed.negativations.totals.waitingForNotice });
      for (const id of indexed.negativations.submitted) submittedOn.set(id, today);
    }
    // Every registration was due on day 10 (more than a page of them), and every one was submitted that day.
    expect(indexedBeyondAPage, 'more than a page of negativations due on the day their notice periods elapse').toBe(true);
    expect(submittedOn.size).toBe(2 * CUSTOMERS);
    expect(new Set(submittedOn.values())).toEqual(new Set([addDays(START, 10)]));
  }, 240_000);
});
