import { describe, expect, it } from 'vitest';
import { NO_FAULTS, noticePortfolio } from './support/notice-portfolio.js';

/** Port calls and transactions of one pass (counted through the store port, never timed). */
async function counted<T>(portfolio: Awaited<ReturnType<typeof noticePortfolio>>, pass: () => Promise<T>) {
  portfolio.tally.transactions = 0;
  portfolio.tally.calls.clear();
  const result = await pass();
  const calls = (key: string) => portfolio.tally.calls.get(key) ?? 0;
  return { result, calls, transactions: portfolio.tally.transactions, claims: calls('outbox.claim'), settles: calls('outbox.settleMany'), listings: calls('outbox.pending') };
}

const singles = (count: number) => Array.from({ length: count }, () => ({ invoices: 1, grouped: false }));

describe('prior notices are handled a page per transaction (counted, never timed)', () => {
  it('150 notices and their customers\' contacts: one transaction per page of 100 effects plus its claim, none per effect', async () => {
    const portfolio = await noticePortfolio(singles(150));
    const pending = (await portfolio.snapshot()).outbox.filter((e) => e.status === 'pending' && (e.kind === 'negativation_notice' || e.kind === 'notify')).length;
    expect(pending).toBeGreaterThan(150);
    const { result, calls, transactions, claims, settles, listings } = await counted(portfolio, () => portfolio.pass(100, NO_FAULTS));
    const pages = Math.ceil(pending / 100);
    expect(result.counts.performed).toBe(pending);
    expect(settles).toBe(pages);
    expect(claims).toBe(pages + 1); // the last claim finds nothing
    // Each claim and each page its own transaction, then the listing of what could not be claimed: nothing per effect.
    expect(transactions).toBe(claims + pages + listings);
    // A page writes its notices' audit lines at once: at most one write per page (none for a page of contacts alone), none per notice.
    expect(calls('audit.append')).toBe(0);
    expect(calls('audit.appendMany')).toBeGreaterThan(0);
    expect(calls('audit.appendMany')).toBeLessThanOrEqual(pages);
    expect(calls('negativations.update')).toBe(150);
    expect((await portfolio.snapshot()).negativations.every((r) => r.notices.length === 1)).toBe(true);
  }, 60_000);

  it('a failed notice is settled in its page: the same transactions, the others recorded', async () => {
    const portfolio = await noticePortfolio(singles(30));
    const failing = (key: string) => key.startsWith('negativation:negativation-1:');
    const { result, transactions, claims, listings } = await counted(portfolio, () => portfolio.pass(100, { notifierFails: failing, updateFails: () => false }));
    expect(result.failed.map((f) => f.effect.key.split(':')[1])).toEqual(['negativation-1']);
    expect(claims).toBe(2);
    expect(transactions).toBe(2 + 1 + listings); // two claims, one page, the listing of what could not be claimed
    const negativations = (await portfolio.snapshot()).negativations;
    expect(negativations.filter((r) => r.notices.length === 0).map((r) => r.id)).toEqual(['negativation-1']);
  }, 60_000);

  it('a write the store refuses rolls the page back; its effects are then handled one transaction each, and only the refused one fails', async () => {
    const portfolio = await noticePortfolio(singles(30));
    const effects = (await portfolio.snapshot()).outbox.filter((e) => e.status === 'pending' && (e.kind === 'negativation_notice' || e.kind === 'notify')).length;
    const { result, transactions, listings } = await counted(portfolio, () => portfolio.pass(100, { notifierFails: () => false, updateFails: (id) => id === 'negativation-2' }));
    expect(result.failed.map((f) => [f.effect.key.split(':')[1], f.error])).toEqual([['negativation-2', 'the store refused the write']]);
    expect(result.counts.performed).toBe(effects - 1);
    // Two claims, the page rolled back, one transaction per effect, the refused effect's failure settled apart, the listing.
    expect(transactions).toBe(2 + 1 + effects + 1 + listings);
    const negativations = (await portfolio.snapshot()).negativations;
    expect(negativations.filter((r) => r.notices.length === 0).map((r) => r.id)).toEqual(['negativation-2']);
    // Nothing of the refused notice was written; each other notice was recorded once (one version more), not twice by the rolled-back page and again.
    const versions = new Set(negativations.map((r) => r.version));
    expect(versions.size).toBe(2);
    expect(negativations.find((r) => r.id === 'negativation-2')?.version).toBe(Math.min(...versions));
  }, 60_000);

  it('a page whose settle fails keeps nothing: no notice recorded, every effect still pending under its claim, then done once when the lease lapses', async () => {
    const portfolio = await noticePortfolio(singles(5));
    const before = await portfolio.snapshot();
    const claimable = before.outbox.filter((e) => e.status === 'pending' && (e.kind === 'negativation_notice' || e.kind === 'notify')).length;
    expect(await portfolio.pass(100, { ...NO_FAULTS, settleFails: true }).then(() => 'resolved', () => 'rejected')).toBe('rejected');
    const after = await portfolio.snapshot();
    expect(after.negativations).toEqual(before.negativations);
    const notices = after.outbox.filter((e) => e.kind === 'negativation_notice');
    expect(notices.map((e) => [e.status, e.attempts, e.claimedBy !== undefined])).toEqual(notices.map(() => ['pending', 1, true]));
    expect((await portfolio.pass(100, NO_FAULTS)).counts.performed).toBe(0); // still claimed
    portfolio.clock.set('2026-11-07T10:11:00-03:00');
    expect((await portfolio.pass(100, NO_FAULTS)).counts.performed).toBe(claimable);
    const done = await portfolio.snapshot();
    expect(done.negativations.map((r) => [r.notices.length, r.version])).toEqual(before.negativations.map((r) => [1, r.version + 1]));
    // The notifier got the keys again after the rollback and answered with the message it had sent: one message per notice.
    expect(portfolio.notifier.sent.filter((m) => m.templateId === 'negativation-prior-notice')).toHaveLength(5);
  }, 60_000);
});
