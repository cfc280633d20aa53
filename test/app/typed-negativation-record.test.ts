import { describe, expect, expectTypeOf, it } from 'vitest';
import type { NegativationRecord } from '../../src/ports/index.js';
import { transition, type Negativation } from '../../src/negativation/index.js';
import { harness, invoiceOf, maria } from './harness.js';

describe('a stored negativation is typed for the host', () => {
  it('NegativationRecord.negativation is the negativation module\'s Negativation: read without a cast, handed to transition as is', async () => {
    expectTypeOf<NegativationRecord['negativation']>().toEqualTypeOf<Negativation>();
    const h = await harness();
    await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01')]);
    await h.cycleOn('2026-10-16');
    const [record] = await h.store.transaction((tx) => tx.negativations.list({ invoiceId: 'j1' }));
    expect(record?.negativation.title.id).toBe('j1');
    expect(record?.negativation.status).toBe(record?.status);
    expect(record?.negativation.outstanding.cents).toBe(30_000);
    expectTypeOf(transition).parameter(0).toEqualTypeOf<NegativationRecord['negativation']>();
  });
});
