import { describe, expect, it } from 'vitest';
import { addDays, type CivilDate } from '../../src/calendar/index.js';
import { harness, invoiceOf, maria } from './harness.js';

/**
 * A host that performs its own effects by polling `pendingEffects` (no
 * handler given) tells the library with `settleEffect`. A service cut it
 * performed is followed by the ruler's `restore_service` once the invoice is
 * paid, exactly as when a handler performed it; one never performed is not.
 */
const ruler = {
  id: 'corte',
  steps: [
    { id: 'suspender', offsetDays: 10, action: { kind: 'suspend_service' } },
    { id: 'religar', offsetDays: 0, action: { kind: 'restore_service' } },
  ],
};
const op = (key: string) => ({ idempotencyKey: key, actor: 'erp.provisioning' });

async function portfolio(settleCut: boolean) {
  const h = await harness({ ruler, settings: { general: { registerAutomatically: 'no' } } }, '2026-10-01T10:00:00-03:00');
  await h.seed([maria], [invoiceOf('i1', maria.id, '200.00', '2026-10-01')]);
  const performed: string[] = [];
  for (let day = '2026-10-01' as CivilDate; day <= '2026-10-25'; day = addDays(day, 1)) {
    if (day === '2026-10-20') (await h.app.recordPayment({ ...op('pay-i1'), invoiceId: 'i1', amount: '210.00' }))._unsafeUnwrap();
    await h.cycleOn(day);
    for (const effect of (await h.app.pendingEffects(100))._unsafeUnwrap()) {
      if (effect.kind !== 'suspend_service' && effect.kind !== 'restore_service') continue;
      if (effect.kind === 'suspend_service' && !settleCut) continue;
      performed.push(`${day} ${effect.kind}`);
      (await h.app.settleEffect({ ...op(`settle-${effect.key}`), effectKey: effect.key, outcome: 'done' }))._unsafeUnwrap();
    }
  }
  return { h, performed };
}

describe('effects a host performs by polling, settled with settleEffect', () => {
  it('a cut the host performed is restored after payment; the settled effects leave the pending list', async () => {
    const { h, performed } = await portfolio(true);
    expect(performed).toEqual(['2026-10-13 suspend_service', '2026-10-20 restore_service']);
    expect((await h.app.pendingEffects(100))._unsafeUnwrap()).toEqual([]);
    const history = (await h.app.invoiceHistory('i1'))._unsafeUnwrap().map((e) => e.action);
    expect(history).toEqual(expect.arrayContaining(['effect_performed_by_host']));
  });

  it('a cut never performed is never "restored"', async () => {
    const { h, performed } = await portfolio(false);
    expect(performed).toEqual([]);
    expect((await h.app.pendingEffects(100))._unsafeUnwrap().map((e) => e.kind)).toEqual(['suspend_service']);
  });

  it('settling again with the same outcome changes nothing; the other outcome, an unknown key or a missing reason are typed errors', async () => {
    const { h } = await portfolio(false);
    const [cut] = (await h.app.pendingEffects(100))._unsafeUnwrap();
    if (!cut) throw new Error('no pending cut');
    const failed = (await h.app.settleEffect({ ...op('f1'), effectKey: cut.key, outcome: 'failed', reason: 'contrato já encerrado' }))._unsafeUnwrap();
    expect(failed).toMatchObject({ status: 'failed', lastError: 'contrato já encerrado', attempts: 1 });
    expect((await h.app.settleEffect({ ...op('f2'), effectKey: cut.key, outcome: 'failed', reason: 'de novo' }))._unsafeUnwrap()).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await h.app.settleEffect({ ...op('d1'), effectKey: cut.key, outcome: 'done' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_state', path: ['effectKey'] });
    expect((await h.app.settleEffect({ ...op('u1'), effectKey: 'nope', outcome: 'done' }))._unsafeUnwrapErr()).toMatchObject({ code: 'not_found', path: ['effectKey'] });
    expect((await h.app.settleEffect({ ...op('r1'), effectKey: cut.key, outcome: 'failed' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['reason'] });
    // @ts-expect-error an unknown field is a compile error as well as a run-time one
    expect((await h.app.settleEffect({ ...op('x1'), effectKey: cut.key, outcome: 'done', extra: 1 }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input' });
  });
});
