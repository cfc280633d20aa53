import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import type { InvoiceRecord } from '../../src/ports/index.js';
import { civilDate } from '../../src/calendar/index.js';
import { fromCents } from '../../src/money/index.js';

const invoice = (): InvoiceRecord => ({ id: 'i1', version: 1, customerId: 'c1', amount: fromCents(37352), dueDate: civilDate('2026-11-10'), status: 'open', paid: fromCents(0) });

describe('MemoryStore records cannot be changed through a value handed in or out', () => {
  it('freezes a written record all the way down, without adding a visible field', async () => {
    const store = new MemoryStore();
    const written = { ...invoice(), spcControl: { addedOn: civilDate('2026-11-20'), addedBy: 'op', details: 'x' } };
    await store.transaction(async (tx) => tx.invoices.insert(written));
    const read = await store.transaction(async (tx) => tx.invoices.get('i1'));
    expect(Object.isFrozen(read)).toBe(true);
    expect(Object.isFrozen(read?.spcControl)).toBe(true);
    expect(Object.getOwnPropertySymbols(read)).toEqual([]);
    expect(() => ((read as { spcControl: { addedOn: string } }).spcControl.addedOn = '2000-01-01')).toThrow(TypeError);
  });

  it('copies a record frozen only shallowly by the caller, and freezes its nested part: stored state cannot change through it', async () => {
    const store = new MemoryStore();
    const nested = { addedOn: civilDate('2026-11-20'), addedBy: 'op', details: 'x' };
    await store.transaction(async (tx) => tx.invoices.insert(Object.freeze({ ...invoice(), spcControl: nested })));
    // The nested part is frozen where it is (no copy): the caller's change is refused, not silently stored.
    expect(() => (nested.addedOn = civilDate('2000-01-01'))).toThrow(TypeError);
    const read = await store.transaction(async (tx) => tx.invoices.get('i1'));
    expect(read?.spcControl?.addedOn).toBe('2026-11-20');
    expect(Object.isFrozen(read?.spcControl)).toBe(true);
  });

  it('keeps the stored nested parts of a new version spread from a read one (no copy), and still refuses non-plain data', async () => {
    const store = new MemoryStore();
    await store.transaction(async (tx) => tx.invoices.insert(invoice()));
    const first = await store.transaction(async (tx) => tx.invoices.get('i1'));
    if (!first) throw new Error('missing');
    await store.transaction(async (tx) => tx.invoices.update({ ...first, version: 2, forwardedOn: civilDate('2026-11-24') }));
    const second = await store.transaction(async (tx) => tx.invoices.get('i1'));
    expect(second?.amount).toBe(first.amount);
    await expect(store.transaction(async (tx) => tx.invoices.update({ ...(second as InvoiceRecord), version: 3, amount: Object.freeze(new Date()) as never }))).rejects.toThrow(TypeError);
    expect((await store.transaction(async (tx) => tx.invoices.get('i1')))?.version).toBe(2);
  });
});
