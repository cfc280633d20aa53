import { describe, expect, it } from 'vitest';
import type { Negativation } from '../../src/negativation/index.js';
import type { OutboxEffect } from '../../src/ports/index.js';
import { harness, invoiceOf, maria } from './harness.js';

const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });
const customer = (id: string, taxId: string, name: string) => ({ ...maria, id, taxId, name });
const ana = customer('c-ana', '52998224725', 'Ana Lima');
const bia = customer('c-bia', '11144477735', 'Bia Costa');
const caio = customer('c-caio', '39053344705', 'Caio Reis');

/**
 * Four debtors, each R$ 300,00 due Thu 1 Oct 2026, registered automatically on D+15 (Fri 16 Oct) under their branch's
 * notice mode: Maria (general: creditor_letter), Ana and Bia (sul: email_then_bureau_letter), Caio (leste: bureau_sends).
 */
async function fourBranches() {
  const bureauNotices: OutboxEffect[] = [];
  const h = await harness(
    {
      settings: {
        general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 },
        branches: { sul: { noticeMode: 'email_then_bureau_letter', emailReadDays: 5 }, leste: { noticeMode: 'bureau_sends' } },
      },
      effectHandlers: { bureau_notice: async (effect) => void bureauNotices.push(effect) },
    },
    '2026-10-16T09:00:00-03:00',
  );
  await h.seed(
    [maria, ana, bia, caio],
    [
      invoiceOf('m1', maria.id, '300.00', '2026-10-01'),
      invoiceOf('a1', ana.id, '300.00', '2026-10-01', { branchId: 'sul' }),
      invoiceOf('b1', bia.id, '300.00', '2026-10-01', { branchId: 'sul' }),
      invoiceOf('c1', caio.id, '300.00', '2026-10-01', { branchId: 'leste' }),
    ],
  );
  const records = async () => h.store.transaction((tx) => tx.negativations.list());
  const of = async (invoiceId: string) => (await records()).find((r) => r.invoiceId === invoiceId)?.negativation as Negativation;
  const statuses = async () => Object.fromEntries((await records()).map((r) => [r.invoiceId, r.status]));
  const posted = async (invoiceId: string, proof: string) => (await h.app.applyBureauReport({ negativationId: (await of(invoiceId)).id, status: 'notice_posted', proofOfPosting: proof, at: h.clock.now().toISOString() }))._unsafeUnwrap();
  return { ...h, bureauNotices, of, statuses, posted };
}

describe('notice modes per branch (seed 000; CDC art. 43 §2; STJ Súmulas 359 and 404), over simulated days', () => {
  it('the waiting period counts from the creditor letter, the e-mail read, the bureau letter after an unread e-mail, or the bureau letter', async () => {
    const h = await fourBranches();
    await h.cycleOn('2026-10-16');
    // the creditor writes to Maria, e-mails Ana and Bia, and asks the bureau to write to Caio
    const notices = h.notifier.calls.filter((m) => m.templateId === 'negativation-prior-notice').map((m) => [m.customerId, m.channel]);
    expect(notices.sort()).toEqual([
      [ana.id, 'email'],
      [bia.id, 'email'],
      [maria.id, 'letter'],
    ]);
    expect(h.bureauNotices.map((e) => e.payload['titleId'])).toEqual(['c1']);

    // Mon 19 Oct: Ana reads the e-mail (read receipt); the bureau posts Caio's letter
    h.clock.set('2026-10-19T11:00:00-03:00');
    const anaMail = (await h.of('a1')).notices[0]?.proofOfPosting;
    (await h.app.recordNoticeRead({ ...op('read-ana'), negativationId: (await h.of('a1')).id, messageId: anaMail }))._unsafeUnwrap();
    await h.posted('c1', 'CORREIOS-BV-001');

    // Wed 21 Oct: Bia's e-mail is five days unread: the bureau is asked to write to her; Thu 22 Oct it posts the letter
    const day21 = await h.cycleOn('2026-10-21');
    expect(h.bureauNotices.map((e) => e.payload['titleId'])).toEqual(['c1', 'b1']);
    const waiting = day21.negativations.waitingForNotice.map((w) => [w.invoiceId, w.until]);
    // Each wait is reported on the cycle after it began or changed (the notices sent on the 16th, read or posted on the 19th), Bia's as the pass asked the bureau
    expect(waiting.sort()).toEqual([
      ['a1', '2026-10-29'],
      ['b1', undefined],
      ['c1', '2026-10-29'],
      ['m1', '2026-10-26'],
    ]);
    expect((await h.of('b1')).bureauNoticeRequestedOn).toBe('2026-10-21');
    // until the bureau posts, Bia's registration waits with no date (reported when it began: on the 22nd nothing changed for anyone)
    expect(day21.negativations.waitingForNotice).toContainEqual({ negativationId: (await h.of('b1')).id, invoiceId: 'b1' });
    const day22 = await h.cycleOn('2026-10-22');
    expect(day22.negativations.totals.waitingForNotice).toBe(0);
    h.clock.set('2026-10-22T15:00:00-03:00');
    await h.posted('b1', 'CORREIOS-BV-002');

    // day 10 after each counting event, and not a day before
    await h.cycleOn('2026-10-26');
    expect(await h.statuses()).toEqual({ m1: 'negativated', a1: 'processing', b1: 'processing', c1: 'processing' });
    await h.cycleOn('2026-10-28');
    expect(await h.statuses()).toEqual({ m1: 'negativated', a1: 'processing', b1: 'processing', c1: 'processing' });
    await h.cycleOn('2026-10-29');
    expect(await h.statuses()).toEqual({ m1: 'negativated', a1: 'negativated', b1: 'processing', c1: 'negativated' });
    await h.cycleOn('2026-10-31');
    expect((await h.statuses())['b1']).toBe('processing');
    await h.cycleOn('2026-11-01');
    expect((await h.statuses())['b1']).toBe('negativated');

    // the history shows which mode applied and which event the wait counted from
    const reasons = (n: Negativation) => n.history.map((entry) => `${entry.event.type}: ${entry.event.reason ?? ''}`);
    expect(reasons(await h.of('b1'))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^analysis_approved: .*notice mode email_then_bureau_letter/),
        expect.stringMatching(/^bureau_notice_requested: .*not read in 5 days/),
        expect.stringMatching(/^bureau_notice_posted/),
      ]),
    );
    expect(reasons(await h.of('c1'))).toEqual(expect.arrayContaining([expect.stringMatching(/^analysis_approved: .*notice mode bureau_sends/)]));
    expect((await h.of('a1')).notices).toEqual([expect.objectContaining({ channel: 'email', sentOn: '2026-10-16', readOn: '2026-10-19' })]);
    expect((await h.of('c1')).notices).toEqual([{ channel: 'letter', sentOn: '2026-10-19', proofOfPosting: 'CORREIOS-BV-001', sender: 'bureau' }]);
  });

  it('an e-mail alone never counts in creditor_letter mode, and a read receipt where no e-mail was sent is refused', async () => {
    const h = await fourBranches();
    await h.cycleOn('2026-10-16');
    const read = await h.app.recordNoticeRead({ ...op('read-maria'), negativationId: (await h.of('m1')).id });
    expect(read._unsafeUnwrapErr()).toMatchObject({ code: 'illegal_transition' });
    expect((await h.of('m1')).notices.map((n) => n.channel)).toEqual(['letter']);
  });
});
