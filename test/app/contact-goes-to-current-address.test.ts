import { describe, expect, it } from 'vitest';
import { harness, invoiceOf, maria } from './harness.js';

/**
 * A ruler contact deferred to the contact window goes where the customer is
 * when it is sent, not where they were when it was decided: a customer who
 * changed their phone overnight gets the SMS on the new one, and one who
 * removed it gets none (the contact is cancelled, saying why).
 */
describe('a deferred ruler contact goes to the customer\'s current address', () => {
  async function deferredSms() {
    const h = await harness();
    await h.seed([maria], [invoiceOf('i1', maria.id, '500.00', '2026-11-10')]);
    const night = await h.cycleOn('2026-11-11', '21:00');
    expect(night.ruler.deferred).toBeGreaterThan(0);
    expect(h.notifier.calls.filter((m) => m.channel === 'sms')).toEqual([]);
    return h;
  }
  const changePhone = (h: Awaited<ReturnType<typeof harness>>, phone: string | undefined) =>
    h.store.transaction(async (tx) => {
      const customer = await tx.customers.get(maria.id);
      if (!customer) throw new Error('no customer');
      const { phone: _old, ...rest } = customer;
      await tx.customers.update({ ...rest, version: customer.version + 1, ...(phone === undefined ? {} : { phone }) });
    });

  it('the phone changed overnight: the SMS goes to the new number', async () => {
    const h = await deferredSms();
    await changePhone(h, '+5521988887777');
    await h.cycleOn('2026-11-12', '10:00');
    expect(h.notifier.calls.filter((m) => m.channel === 'sms').map((m) => m.to)).toEqual(['+5521988887777']);
  });

  it('the phone removed overnight: the SMS is cancelled, not sent to the old number', async () => {
    const h = await deferredSms();
    await changePhone(h, undefined);
    const morning = await h.cycleOn('2026-11-12', '10:00');
    expect(h.notifier.calls.filter((m) => m.channel === 'sms')).toEqual([]);
    expect(morning.effects.cancelled).toBeGreaterThanOrEqual(1);
    const sms = (await h.store.transaction((tx) => tx.outbox.all())).find((e) => e.payload['channel'] === 'sms');
    expect(sms).toMatchObject({ status: 'cancelled', lastError: expect.stringMatching(/no sms contact/) });
  });
});
