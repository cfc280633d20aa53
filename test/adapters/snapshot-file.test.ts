import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore, type MemorySnapshot } from '../../src/adapters/memory/index.js';
import { loadMemoryStore, saveMemoryStore } from '../../src/adapters/memory/file.js';
import type { InvoiceRecord } from '../../src/ports/index.js';
import { civilDate } from '../../src/calendar/index.js';
import { fromCents } from '../../src/money/index.js';

/** Issue 12, defect 2: snapshot files are always the old or the new snapshot, or a typed error naming what is wrong. */
const freshDir = (): string => mkdtempSync(join(tmpdir(), 'cobranca-snapshot-'));

function invoice(n: number): InvoiceRecord {
  return { id: `i${n}`, version: 1, customerId: 'c1', amount: fromCents(1000 + n), dueDate: civilDate('2026-11-10'), status: 'open', paid: fromCents(0) };
}

async function storeWith(count: number): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.transaction(async (tx) => {
    for (let n = 0; n < count; n++) await tx.invoices.insert(invoice(n));
    await tx.customers.insert({ id: 'c1', version: 1, name: 'Maria Souza', taxId: '12345678909', kind: 'person' });
    await tx.outbox.enqueue({ id: 'e1', key: 'k1', kind: 'notify', payload: {}, status: 'pending', attempts: 0, createdAt: '2026-11-24T10:00:00.000Z' });
  });
  return store;
}

describe('memory-store snapshot files', () => {
  it('twenty concurrent saves of different stores leave one whole snapshot, and no temporary file', async () => {
    const dir = freshDir();
    const path = join(dir, 'store.json');
    const stores = await Promise.all(Array.from({ length: 20 }, (_, n) => storeWith(50 + n * 10)));
    await Promise.all(stores.map((store) => saveMemoryStore(store, path)));
    const loaded = (await loadMemoryStore(path))._unsafeUnwrap();
    const counts = stores.map((s) => s.snapshot().invoices.length);
    expect(counts).toContain(loaded.snapshot().invoices.length);
    expect(loaded.snapshot()).toEqual(stores[counts.indexOf(loaded.snapshot().invoices.length)]?.snapshot());
    expect(readdirSync(dir)).toEqual(['store.json']);
  });

  it('a process killed (SIGKILL) while saving leaves the old or the new snapshot, whole', { timeout: 120_000 }, async () => {
    const dir = freshDir();
    const path = join(dir, 'store.json');
    const child = join(import.meta.dirname, 'snapshot-saver.child.ts');
    for (let kill = 0; kill < 3; kill++) {
      const saver = fork(child, [path], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      const saved = await new Promise<number>((resolve, reject) => {
        saver.on('error', reject);
        saver.on('exit', (code) => reject(new Error(`the saver exited early (${String(code)})`)));
        saver.on('message', (message) => {
          const round = /^saved (\d+)$/.exec(String(message));
          // Kill at a different moment of a later save each time: right after a save, or some milliseconds into the next.
          if (round && Number(round[1]) >= 2) setTimeout(() => resolve(Number(round[1])), kill * 7);
        });
      });
      saver.removeAllListeners('exit');
      const exited = new Promise((resolve) => saver.on('exit', resolve));
      saver.kill('SIGKILL');
      await exited;
      const loaded = await loadMemoryStore(path);
      expect(loaded.isOk(), loaded.isErr() ? loaded.error.message : '').toBe(true);
      const snapshot = loaded._unsafeUnwrap().snapshot();
      expect(snapshot.invoices).toHaveLength(5_000);
      const round = Number(/round (\d+)/.exec(snapshot.invoices[0]?.description ?? '')?.[1]);
      expect(round).toBeGreaterThanOrEqual(saved);
    }
  });

  describe('a tampered file is a typed error naming what is wrong, never a throw or a half-loaded store', () => {
    const valid = async (): Promise<MemorySnapshot> => JSON.parse(JSON.stringify((await storeWith(3)).snapshot())) as MemorySnapshot;
    const cases: [string, (s: MemorySnapshot) => string, RegExp, (string | number)[] | undefined][] = [
      ['cut in half', (s) => JSON.stringify(s).slice(0, 200), /not valid JSON/, undefined],
      ['empty', () => '', /not valid JSON/, undefined],
      ['not a snapshot', () => '{"hello":"world"}', /snapshot/, ['format']],
      ['a later format version', (s) => JSON.stringify({ ...s, formatVersion: 2 }), /snapshot/, ['formatVersion']],
      ['an invoice id twice', (s) => JSON.stringify({ ...s, invoices: [...s.invoices, s.invoices[0]] }), /id "i0" appears twice/, ['invoices', 3, 'id']],
      ['an outbox key twice', (s) => JSON.stringify({ ...s, outbox: [...s.outbox, { ...s.outbox[0], id: 'e2' }] }), /key "k1" appears twice/, ['outbox', 1, 'key']],
      ['a gutted invoice (no amount)', (s) => JSON.stringify({ ...s, invoices: [s.invoices[0], { id: 'i9', version: 1, customerId: 'c1' }] }), /snapshot/, ['invoices', 1, 'amount']],
      ['a record with a text version', (s) => JSON.stringify({ ...s, customers: [{ ...s.customers[0], version: '1' }] }), /snapshot/, ['customers', 0, 'version']],
      ['a collection that is not a list', (s) => JSON.stringify({ ...s, payments: {} }), /snapshot/, ['payments']],
      ['an effect with an unknown status', (s) => JSON.stringify({ ...s, outbox: [{ ...s.outbox[0], status: 'maybe' }] }), /snapshot/, ['outbox', 0, 'status']],
    ];
    it.each(cases)('%s', async (_what, tamper, message, path) => {
      const file = join(freshDir(), 'store.json');
      writeFileSync(file, tamper(await valid()));
      const loaded = await loadMemoryStore(file);
      const error = loaded._unsafeUnwrapErr();
      expect(error.code).toBe('invalid_snapshot');
      expect(error.message).toMatch(message);
      if (path) expect(error.path).toEqual(path);
    });

    it('the untampered file loads (the cases above are the tampering, not the fixture)', async () => {
      const file = join(freshDir(), 'store.json');
      writeFileSync(file, JSON.stringify(await valid()));
      expect((await loadMemoryStore(file))._unsafeUnwrap().snapshot().invoices).toHaveLength(3);
      expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('cobranca-memory-store');
    });
  });
});
