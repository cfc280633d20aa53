import { describe, expect, it } from 'vitest';
import { harness, invoiceOf, maria } from './harness.js';

const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });

/** Runs the cycle every day from `from` to `to` and returns what the ruler did and the registrations of the invoice. */
async function days(h: Awaited<ReturnType<typeof harness>>, from: string, to: string) {
  const done: string[] = [];
  for (let day = new Date(`${from}T12:00:00Z`); day <= new Date(`${to}T12:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
    const report = await h.cycleOn(day.toISOString().slice(0, 10));
    done.push(...report.ruler.done.map((d) => `${day.toISOString().slice(0, 10)} ${d.kind} ${d.key}`));
  }
  return done;
}

describe('a disputed invoice: the ruler and negativation stop while it is contested (CDC arts. 42 and 43)', () => {
  it('no contact, no forwarding, no registration while disputed; upheld, the ruler resumes and the debt is registered', async () => {
    const h = await harness();
    await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01')]);
    const before = await days(h, '2026-09-28', '2026-10-03');
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((d) => d.includes('j1'))).toBe(true);
    const disputed = (await h.app.recordDispute({ ...op('dispute'), invoiceId: 'j1', reason: 'não reconhece a compra' }))._unsafeUnwrap();
    expect(disputed.disputed).toBe(true);
    const sent = h.notifier.sent.length;
    expect(await days(h, '2026-10-04', '2026-10-31')).toEqual([]);
    expect(h.notifier.sent.length).toBe(sent);
    expect(await h.store.transaction((tx) => tx.negativations.list({ invoiceId: 'j1' }))).toEqual([]);
    const refused = await h.app.requestNegativation({ ...op('by-hand'), invoiceId: 'j1', termsAcceptance: { acceptedBy: 'operator.ana', acceptedAt: '2026-10-31T10:00:00-03:00', version: 'v1' } });
    expect(JSON.stringify(refused.isErr() ? refused.error : refused.value)).toContain('not_disputed');
    expect((await h.app.recordDispute({ ...op('again'), invoiceId: 'j1', reason: 'de novo' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_state', path: ['invoiceId'] });

    const upheld = (await h.app.resolveDispute({ ...op('upheld'), invoiceId: 'j1', outcome: 'upheld' }))._unsafeUnwrap();
    expect(upheld.disputed).toBeUndefined();
    await days(h, '2026-11-01', '2026-11-12');
    const statuses = (await h.store.transaction((tx) => tx.negativations.list({ invoiceId: 'j1' }))).map((n) => n.status);
    expect(statuses.length).toBe(1);
    const history = (await h.app.invoiceHistory('j1'))._unsafeUnwrap().map((e) => e.action);
    expect(history).toEqual(expect.arrayContaining(['dispute_recorded', 'dispute_upheld']));
  });

  it('dropped, the invoice is cancelled; a dispute not open cannot be resolved; bad input names its field', async () => {
    const h = await harness();
    await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01'), invoiceOf('p1', maria.id, '10.00', '2026-10-01', { status: 'paid' })]);
    expect((await h.app.resolveDispute({ ...op('r0'), invoiceId: 'j1', outcome: 'upheld' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_state' });
    expect((await h.app.recordDispute({ ...op('d-paid'), invoiceId: 'p1', reason: 'x' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_state' });
    expect((await h.app.recordDispute({ ...op('d-bad'), invoiceId: 'j1', reason: ' ' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['reason'] });
    await h.app.recordDispute({ ...op('d1'), invoiceId: 'j1', reason: 'cobrança indevida' });
    const dropped = (await h.app.resolveDispute({ ...op('r1'), invoiceId: 'j1', outcome: 'dropped' }))._unsafeUnwrap();
    expect([dropped.status, dropped.disputed]).toEqual(['cancelled', undefined]);
    expect((await days(h, '2026-10-16', '2026-10-17')).filter((d) => d.includes('j1'))).toEqual([]);
  });
});
