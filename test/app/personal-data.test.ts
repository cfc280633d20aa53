import { describe, expect, it } from 'vitest';
import type { CobrancaError } from '../../src/errors.js';
import { harness, invoiceOf, maria } from './harness.js';

/**
 * Issue 12, defect 8 (LGPD): a scenario with a known CPF, e-mail and phone;
 * every error, alert, outbox key, audit entry and idempotency record it
 * produces contains none of them in full. (Outbox payloads that deliver a
 * message hold the recipient: that is what they are for, and the docs say so.)
 */
const CPF = '12345678909';
const FORBIDDEN = [CPF, '123.456.789-09', 'maria@example.com', '5511999990000', '99999-0000', '999990000'];

function leaks(what: string, value: unknown): string[] {
  const text = JSON.stringify(value) ?? '';
  return FORBIDDEN.filter((secret) => text.includes(secret)).map((secret) => `${what} contains ${secret}: ${text.slice(0, 300)}`);
}

describe('personal data never appears in full in errors, alerts, keys, audit entries or idempotency records', () => {
  it('a scenario from reminder to registration, payment and a failing removal', async () => {
    const h = await harness();
    const mariaNoPhone = { ...maria, id: 'c-nophone', phone: undefined, email: 'outra.pessoa@example.com', taxId: '52998224725' };
    const { phone: _phone, ...withoutPhone } = mariaNoPhone;
    await h.seed([maria, withoutPhone], [invoiceOf('i1', maria.id, '300.00', '2026-10-01'), invoiceOf('i2', withoutPhone.id, '100.00', '2026-10-01')]);
    const errors: CobrancaError[] = [];
    const keep = <T>(answer: { isErr(): boolean; error?: CobrancaError } & T): T => {
      if (answer.isErr() && answer.error) errors.push(answer.error);
      return answer;
    };
    const op = (key: string) => ({ idempotencyKey: key, actor: 'op.ana' });

    for (const day of ['2026-10-16', '2026-10-26']) await h.cycleOn(day);
    h.clock.set('2026-10-27T10:00:00-03:00');
    keep(await h.app.startCollection({ ...op('s1'), customerId: maria.id, invoiceIds: ['i1'] }));
    keep(await h.app.sendEmail({ ...op('e1'), customerId: maria.id, to: ['maria@example.com'], subject: `Fatura CPF ${CPF}`, text: 'Olá' }));
    keep(await h.app.sendMessage({ ...op('m1'), customerId: maria.id, channel: 'sms', to: ['+5511999990000'], text: 'Olá' }));
    keep(await h.app.sendEmail({ ...op('e2'), customerId: maria.id, to: ['not-an-email-but-5511999990000'], subject: 'x', text: 'y' }));
    keep(await h.app.addComment({ ...op('c1'), customerId: 'nobody', text: `CPF ${CPF}` }));
    // @ts-expect-error the command takes no debtor (it reads the customer): the types refuse it as the schema does
    keep(await h.app.requestNegativation({ ...op('n1'), invoiceId: 'i2', debtor: { document: '123.456.789-00' } }));
    keep(await h.app.recordPayment({ ...op('p1'), invoiceId: 'i1', amount: 'R$ 12345678909' }));

    h.clock.set('2026-11-19T10:00:00-03:00');
    keep(await h.app.recordPayment({ ...op('p2'), invoiceId: 'i1', amount: '310.90', fundsAvailableOn: '2026-11-19' }));
    h.bureau.failNext(100, `bureau said: debtor ${CPF} maria@example.com unknown`);
    for (const day of ['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-30']) await h.cycleOn(day);

    const effects = await h.store.transaction((tx) => tx.outbox.all());
    const alerts = effects.filter((e) => e.kind === 'alert_operator');
    const snapshot = h.store.snapshot();
    expect(errors.length, 'the scenario produced errors to look at').toBeGreaterThan(2);
    expect(alerts.length, 'the scenario raised alerts to look at').toBeGreaterThan(0);
    expect(snapshot.audit.length).toBeGreaterThan(5);
    const found = [
      ...errors.flatMap((e, i) => leaks(`error ${i} (${e.code})`, e)),
      ...alerts.flatMap((e) => leaks(`alert ${e.key}`, e.payload)),
      ...effects.flatMap((e) => leaks(`outbox key`, e.key)),
      ...effects.flatMap((e) => leaks(`outbox error of ${e.key}`, e.lastError ?? '')),
      ...snapshot.audit.flatMap((e) => leaks(`audit ${e.action}`, e)),
      ...snapshot.idempotency.flatMap((r) => leaks(`idempotency ${r.key}`, r)),
      // The action log is the cycle's log: its keys and lines name ids, never a person.
      ...snapshot.actionLog.flatMap((entry) => leaks(`action log ${entry.key}`, entry)),
    ];
    expect(snapshot.actionLog.length).toBeGreaterThan(3);
    expect(found).toEqual([]);
  });
});
