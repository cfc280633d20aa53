import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import { loadMemoryStore, saveMemoryStore } from '../../src/adapters/memory/file.js';
import type { InvoiceRecord } from '../../src/ports/index.js';
import { civilDate } from '../../src/calendar/index.js';
import { fromCents } from '../../src/money/index.js';
import { describeStoreConformance, storeConformanceCases } from '../../src/testing/index.js';
import { brokenStores } from './broken-stores.js';

describeStoreConformance('MemoryStore', () => new MemoryStore(), { describe, it });

describe('the conformance suite can fail', () => {
  it.each(Object.entries(brokenStores))('catches a store that %s', async (_flaw, broken) => {
    const failures: string[] = [];
    for (const c of storeConformanceCases(broken.make)) {
      await c.run().catch(() => failures.push(c.name));
    }
    expect(failures.some((name) => name.startsWith(broken.caughtBy)), `failed: ${failures.join(' | ')}`).toBe(true);
  });

  it('passes a correct store on every case (so a failure above is the flaw, not the suite)', async () => {
    for (const c of storeConformanceCases(() => new MemoryStore())) await c.run();
  });
});

describe('MemoryStore snapshots', () => {
  const invoice: InvoiceRecord = { id: 'i1', version: 1, customerId: 'c1', amount: fromCents(37352), dueDate: civilDate('2026-11-10'), status: 'open', paid: fromCents(0) };

  it('survives a save and load through a JSON file', async () => {
    const store = new MemoryStore();
    await store.transaction(async (tx) => {
      await tx.invoices.insert(invoice);
      await tx.outbox.enqueue({ id: 'e1', key: 'k1', kind: 'notify', payload: {}, status: 'pending', attempts: 0, createdAt: '2026-11-24T10:00:00.000Z' });
    });
    const path = join(mkdtempSync(join(tmpdir(), 'cobranca-')), 'store.json');
    await saveMemoryStore(store, path);
    const loaded = (await loadMemoryStore(path))._unsafeUnwrap();
    expect(loaded.snapshot()).toEqual(store.snapshot());
    await loaded.transaction(async (tx) => {
      expect(await tx.invoices.list({ customerId: 'c1' })).toEqual([invoice]);
      expect(await tx.outbox.enqueue({ id: 'e2', key: 'k1', kind: 'notify', payload: {}, status: 'pending', attempts: 0, createdAt: '2026-11-24T10:00:00.000Z' })).toBe(false);
    });
  });

  it('starts empty when the file does not exist, and refuses a foreign file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cobranca-'));
    expect((await loadMemoryStore(join(dir, 'missing.json')))._unsafeUnwrap().snapshot().invoices).toEqual([]);
    expect(() => MemoryStore.fromSnapshot({ format: 'other' } as never)).toThrow(TypeError);
  });
});
