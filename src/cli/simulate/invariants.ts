import { addDays, type NegativationRecord } from 'cobranca';
import type { SimulationLedger } from './ledger.js';

/** One invariant of the simulation, checked at the end of every run. */
export interface InvariantCheck {
  readonly name: string;
  readonly holds: boolean;
  /** What was counted, and the first offenders when it does not hold. */
  readonly detail: string;
}

const first = (items: readonly string[]): string => (items.length === 0 ? '' : `: ${items.slice(0, 3).join(', ')}${items.length > 3 ? ` … (${items.length})` : ''}`);

/** What the invariants read: the run's books and the store's negativations, payments and invoices. */
export interface InvariantInput {
  readonly ledger: SimulationLedger;
  readonly negativations: readonly NegativationRecord[];
  readonly storePaymentsCents: number;
  readonly invoicesPaidCents: number;
}

/**
 * The simulation's own invariants: no ruler action and no message twice; no
 * registration submitted without a qualifying notice at least the notice
 * period before; no removal requested after its Súmula 548 deadline (nor a
 * deadline passed with none); every centavo the customers sent is in the
 * store's payments and on the invoices.
 */
export function checkInvariants(input: InvariantInput): InvariantCheck[] {
  const { ledger } = input;
  const noticeless: string[] = [];
  const late: string[] = [];
  let submitted = 0;
  let removals = 0;
  for (const record of input.negativations) {
    const n = record.negativation;
    if (n.submittedOn !== undefined) {
      submitted++;
      const latestNotice = addDays(n.submittedOn, -n.settings.noticeWaitingDays);
      const noticed = n.notices.some((notice) => n.settings.qualifyingNoticeChannels.includes(notice.channel) && notice.sentOn <= latestNotice);
      if (!noticed) noticeless.push(record.id);
    }
    const deadline = n.settlement?.removalDeadline;
    if (deadline !== undefined) {
      removals++;
      const requested = n.removal?.requestedOn;
      if (requested === undefined ? n.lastEventOn > deadline : requested > deadline) late.push(`${record.id} (deadline ${deadline})`);
    }
  }
  const sent = ledger.payments.reduce((total, p) => total + p.cents, 0);
  return [
    { name: 'no ruler action twice', holds: ledger.repeatedActions.length === 0, detail: `${ledger.actionKeys.size} actions${first(ledger.repeatedActions)}` },
    { name: 'no message twice', holds: ledger.repeatedMessages.length === 0, detail: `${ledger.messageKeys.size} messages${first(ledger.repeatedMessages)}` },
    { name: 'no registration without a notice 10 days before', holds: noticeless.length === 0, detail: `${submitted} submitted${first(noticeless)}` },
    { name: 'no removal after its Súmula 548 deadline', holds: late.length === 0, detail: `${removals} removals due${first(late)}` },
    {
      name: 'every centavo received accounted for',
      holds: sent === input.storePaymentsCents && sent === input.invoicesPaidCents,
      detail: `sent ${sent} centavos; store payments ${input.storePaymentsCents}; on invoices ${input.invoicesPaidCents}`,
    },
  ];
}
