import type { Result } from 'neverthrow';
import type { CivilDate } from '../calendar/index.js';
import type { CobrancaError } from '../errors.js';
import type { DecimalInput, Money } from '../money/index.js';

/** The debtor's postal address as a bureau asks for it (CEP included). */
export interface BureauAddress {
  /** Street name (logradouro). */
  readonly street: string;
  /** House number, as written (`s/n` allowed). */
  readonly number: string;
  /** Apartment, block, room. */
  readonly complement?: string;
  /** District (bairro). */
  readonly district?: string;
  /** City (município). */
  readonly city: string;
  /** UF, two letters. */
  readonly state: string;
  /** Eight digits, with or without the dash. */
  readonly cep: string;
}

/**
 * A registration request sent to a credit bureau: the fields bureaus ask for
 * (debtor document and kind, name, birth date of persons, address with CEP;
 * contract/title number, amount, due date, nature of the debt; the creditor's
 * document and name, CDC art. 42-A).
 */
export interface BureauRegistration {
  /** Idempotency key: the bureau must treat a repeated key as the same request. */
  readonly key: string;
  /** The negativation this request is about (the SDK's id). */
  readonly negativationId: string;
  /** The bureau's name as the host configured it (`serasa`, `spc` …). */
  readonly bureau: string;
  /** Who is registered: the debtor's document, name and, for a person, birth date and address. */
  readonly debtor: {
    /** CPF or CNPJ, bare (no mask). */
    readonly taxId: string;
    readonly kind: 'cpf' | 'cnpj';
    readonly name: string;
    readonly address?: BureauAddress;
    readonly birthDate?: CivilDate;
  };
  /** The creditor: its CNPJ (or CPF), bare, and its name. */
  readonly creditor: { readonly taxId: string; readonly name: string };
  /** The contract or title number. */
  readonly title: string;
  /** The amount registered (the debt as of the request). */
  readonly amount: Money;
  /** The due date of the title. */
  readonly dueDate: CivilDate;
  /** The nature-of-debt code (bureau table); the adapter's profile supplies a default when absent. */
  readonly natureOfDebt?: string;
  /** When this title is one of several registered together (seed 000): the registration's id and all its titles. */
  readonly registration?: { readonly id: string; readonly titleIds: readonly string[] };
}

/** A removal request: why and on which day, and the bureau's own reference when known. */
export interface BureauRemoval {
  /** Idempotency key: the bureau must treat a repeated key as the same request. */
  readonly key: string;
  /** The negativation to remove (the SDK's id). */
  readonly negativationId: string;
  /** The bureau that holds the registration. */
  readonly bureau: string;
  /** The bureau's own reference of the registration (kept on the negativation). */
  readonly protocol?: string;
  /** Why: `paid`, `agreement_installment`, `agreement`, `cancelled`, `age_limit` … (a profile maps it to the bureau's code). */
  readonly reason: string;
  /** The day the removal is requested. */
  readonly on?: CivilDate;
}

/** A status query about one registration. */
export interface BureauStatusQuery {
  /** The negativation asked about (the SDK's id). */
  readonly negativationId: string;
  /** The bureau asked. */
  readonly bureau: string;
  /** The bureau's own reference, when known. */
  readonly protocol?: string;
}

/** What a bureau answered. `protocol` is the bureau's own reference of the registration. */
export type BureauAnswer =
  | { readonly outcome: 'accepted'; readonly protocol: string }
  | { readonly outcome: 'rejected'; readonly reason: string }
  | { readonly outcome: 'pending'; readonly protocol: string };

/** A status a bureau reports (by query or webhook). */
export interface BureauStatusReport {
  /** The negativation the report is about (the SDK's id). */
  readonly negativationId: string;
  /** The bureau's own reference of the registration. */
  readonly protocol?: string;
  /** `notice_posted`: the bureau posted the prior notice letter (its `proofOfPosting`), in the notice modes where the bureau sends it. */
  readonly status: 'registered' | 'rejected' | 'removed' | 'pending' | 'notice_posted';
  /** Why (with `rejected` or `removed`), as the bureau said it. */
  readonly reason?: string;
  /** The post office's proof of posting of the bureau's notice letter (with `notice_posted`). */
  readonly proofOfPosting?: string;
  /** When the bureau recorded the status (ISO 8601 instant). */
  readonly at: string;
}

/**
 * The credit-bureau port (Serasa, SPC, Boa Vista, Quod, or an integrator in
 * front of them). A call that could not reach the bureau rejects its promise
 * (the outbox retries it next cycle); an answer, even a refusal, resolves.
 */
export interface BureauGateway {
  /**
   * Asks the bureau to register a debt. Resolves with its answer (`accepted`
   * with a protocol, `rejected` with a reason, or `pending` when the answer
   * comes by webhook); rejects only when the bureau could not be reached, and
   * is then called again with the same `request.key`, which the bureau (or the
   * adapter) must treat as the same request.
   */
  register(request: BureauRegistration): Promise<BureauAnswer>;
  /** Asks the bureau to remove a registration; answers, retries and `key` as for {@link BureauGateway.register}. */
  remove(request: BureauRemoval): Promise<BureauAnswer>;
  /** The bureau's current status of a registration (read-only, safe to repeat); rejects when the bureau could not be reached. */
  queryStatus(request: BureauStatusQuery): Promise<BureauStatusReport>;
  /** Verifies and reads a webhook the bureau sent (signature checked by the adapter); a forged, stale or malformed one is an error. */
  parseWebhook(headers: Readonly<Record<string, string | readonly string[] | undefined>>, rawBody: string): Result<BureauStatusReport, CobrancaError>;
}

/** A message to a debtor. */
export interface OutgoingMessage {
  /** Idempotency key: a repeated key must not send twice. */
  readonly key: string;
  /** The channel to send through. */
  readonly channel: 'email' | 'sms' | 'whatsapp' | 'letter' | 'push';
  /** The customer the message is for. */
  readonly customerId: string;
  /** The address on that channel: e-mail, phone number, postal address or device token. */
  readonly to: string;
  /** The host's template to render, when the message names one. */
  readonly templateId?: string;
  /** The text to send, when the message carries it (rendered already). */
  readonly text?: string;
  /** Values for the template's placeholders (amounts formatted, dates, invoice ids). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** The notification port: e-mail, SMS, WhatsApp, letter, app push. */
export interface Notifier {
  /**
   * Delivers one message and resolves with the provider's message id once the
   * provider accepted it; rejects when it could not (the outbox retries with
   * the same `message.key`, which must never send twice).
   */
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
