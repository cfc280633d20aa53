import type { CivilDate } from '../calendar/index.js';
import type { DecimalInput, Money } from '../money/index.js';

/** A registration request sent to a credit bureau. */
export interface BureauRegistration {
  /** Idempotency key: the bureau must treat a repeated key as the same request. */
  readonly key: string;
  readonly negativationId: string;
  readonly bureau: string;
  readonly debtor: { readonly taxId: string; readonly name: string; readonly address?: unknown; readonly birthDate?: CivilDate };
  readonly creditor: { readonly taxId: string; readonly name: string };
  readonly title: string;
  readonly amount: Money;
  readonly dueDate: CivilDate;
}

/** What a bureau answered. */
export type BureauAnswer =
  | { readonly outcome: 'accepted'; readonly protocol: string }
  | { readonly outcome: 'rejected'; readonly reason: string }
  | { readonly outcome: 'pending'; readonly protocol: string };

/** A status a bureau reports (by query or webhook). */
export interface BureauStatusReport {
  readonly negativationId: string;
  readonly protocol?: string;
  readonly status: 'registered' | 'rejected' | 'removed' | 'pending';
  readonly reason?: string;
  readonly at: string;
}

/** The credit-bureau port (Serasa, SPC, Boa Vista, Quod). */
export interface BureauGateway {
  register(request: BureauRegistration): Promise<BureauAnswer>;
  remove(request: { readonly key: string; readonly negativationId: string; readonly bureau: string; readonly protocol?: string; readonly reason: string }): Promise<BureauAnswer>;
  queryStatus(request: { readonly negativationId: string; readonly bureau: string; readonly protocol?: string }): Promise<BureauStatusReport>;
  /** Verifies and reads a webhook the bureau sent (signature checked by the adapter). */
  parseWebhook(body: string, headers: Readonly<Record<string, string>>): Promise<BureauStatusReport>;
}

/** A message to a debtor. */
export interface OutgoingMessage {
  /** Idempotency key: a repeated key must not send twice. */
  readonly key: string;
  readonly channel: 'email' | 'sms' | 'whatsapp' | 'letter' | 'push';
  readonly customerId: string;
  readonly to: string;
  readonly templateId?: string;
  readonly text?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** The notification port: e-mail, SMS, WhatsApp, letter, app push. */
export interface Notifier {
  send(message: OutgoingMessage): Promise<{ readonly messageId: string }>;
}

/** A monthly rate or index value. */
export interface MonthlyValue {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Percent for that month (e.g. `'0.45'`). */
  readonly percent: DecimalInput;
}

/** The rate and index port: the legal interest rate (Selic − IPCA, CC art. 406) and correction indexes. */
export interface RateSource {
  /** Monthly legal interest rates covering `[from, to]`. */
  legalInterestRates(from: CivilDate, to: CivilDate): Promise<readonly MonthlyValue[]>;
  /** Monthly values of an index (IPCA by default) covering `[from, to]`. */
  indexSeries(index: string, from: CivilDate, to: CivilDate): Promise<readonly MonthlyValue[]>;
}

/** The id port: where new ids come from (the domain never invents them). */
export interface IdGenerator {
  /** A new unique id; `prefix` says what it is for (`inv`, `agr`, `neg` …). */
  next(prefix: string): string;
}
