import type { CivilDate } from 'cobranca';

/** One payment the simulated customers made, as the simulation sent it (its own books, checked against the store's). */
export interface SentPayment {
  readonly invoiceId: string;
  readonly branch: string;
  readonly cents: number;
  readonly on: CivilDate;
  /** The last ruler step done for the invoice before it was paid (`before any step`, or `agreement installment`). */
  readonly step: string;
}

/** What the simulation counted while it ran, beside what the store holds. */
export class SimulationLedger {
  readonly payments: SentPayment[] = [];
  /** Ruler actions done, by kind or channel (`notify:email`, `negativate` …). */
  readonly actions = new Map<string, number>();
  /** Every ruler action key done, to prove none was done twice. */
  readonly actionKeys = new Set<string>();
  /** Keys of ruler actions reported done more than once (must stay empty). */
  readonly repeatedActions: string[] = [];
  /** Messages the notifier sent, by channel; and message keys seen twice (must stay empty). */
  readonly messages = new Map<string, number>();
  readonly messageKeys = new Set<string>();
  readonly repeatedMessages: string[] = [];
  /** Commands the library refused, by command and code (a refusal is data, not a crash). */
  readonly refusals = new Map<string, number>();
  /** Effects the outbox could not perform, by kind. */
  readonly failedEffects = new Map<string, number>();
  agreementsMade = 0;
  disputes = 0;

  /** Adds one to a counter map. */
  static bump(map: Map<string, number>, key: string, by = 1): void {
    map.set(key, (map.get(key) ?? 0) + by);
  }
}
