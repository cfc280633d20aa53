import type { CivilDate } from '../calendar/index.js';
import type { Money } from '../money/index.js';
import type { Negativation } from '../negativation/negativation.js';
import type { Protest } from '../protest/protest.js';

/** Every stored aggregate carries an id and a version that goes up by one on each write (optimistic concurrency). */
export interface Versioned {
  readonly id: string;
  /** 1 when first inserted; a write must name the version it read. */
  readonly version: number;
}

/** A customer (debtor): the person or company invoices are issued to. */
export interface CustomerRecord extends Versioned {
  readonly name: string;
  /** CPF or CNPJ, digits (and letters) only. */
  readonly taxId: string;
  readonly kind: 'person' | 'company';
  readonly branchId?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly birthDate?: CivilDate;
  readonly address?: PostalAddress;
  readonly tags?: readonly string[];
}

/** A Brazilian postal address. */
export interface PostalAddress {
  readonly street: string;
  readonly number: string;
  readonly complement?: string;
  readonly district: string;
  readonly city: string;
  /** UF, two letters. */
  readonly state: string;
  /** CEP, eight digits. */
  readonly cep: string;
}

/** Where an invoice stands for collection purposes. */
export type InvoiceStatus = 'open' | 'paid' | 'cancelled' | 'suspended' | 'deleted';

/** An invoice (fatura, título): an amount owed with a due date. */
export interface InvoiceRecord extends Versioned {
  readonly customerId: string;
  readonly branchId?: string;
  readonly contractId?: string;
  readonly description?: string;
  readonly amount: Money;
  readonly dueDate: CivilDate;
  readonly status: InvoiceStatus;
  /** Total received so far (partial payments add up here). */
  readonly paid: Money;
  readonly paidOn?: CivilDate;
  /** The agreement that replaced or covers this invoice. */
  readonly agreementId?: string;
  /** The collection account it belongs to, once collection started. */
  readonly collectionAccountId?: string;
  /** When the ruler's "forward to collections" step classified it for the collection manager (seed 004's first panel). */
  readonly forwardedOn?: CivilDate;
  /** Seed 000: the "Negativar" flag set when the invoice was created (automatic request). */
  readonly negativate?: boolean;
  /** Seed 004's internal "controle SPC" record: no notice and no bureau, for the creditor's own control. */
  readonly spcControl?: SpcControl;
  readonly fiscalDocumentIssued?: boolean;
  readonly bankRemittanceGenerated?: boolean;
  readonly disputed?: boolean;
  /** Set on invoices an agreement created: which installment of which agreement. */
  readonly installment?: { readonly agreementId: string; readonly number: number };
}

/**
 * An invoice in the internal SPC control (seed 004 "Adicionar fatura no
 * controle SPC"): an internal record only; the real registration is made at the
 * bureau by other means, or by converting it (through every negativation guard).
 */
export interface SpcControl {
  readonly addedOn: CivilDate;
  readonly addedBy: string;
  /** The operator's "details and information pertinent to this record". */
  readonly details: string;
  readonly removedOn?: CivilDate;
  readonly removedBy?: string;
  readonly removalDetails?: string;
  /** The negativation it was converted into. */
  readonly convertedTo?: string;
}

/** Money received against an invoice. */
export interface PaymentRecord extends Versioned {
  readonly invoiceId: string;
  readonly customerId: string;
  readonly amount: Money;
  readonly paidOn: CivilDate;
  /** When the funds became available to the creditor (starts the Súmula 548 clock). */
  readonly fundsAvailableOn: CivilDate;
  readonly method?: string;
}

/** An agreement as stored: the agreements module's plain data plus bookkeeping. */
export interface AgreementRecord extends Versioned {
  readonly customerId: string;
  readonly status: 'active' | 'fulfilled' | 'broken' | 'cancelled';
  /** The operator who made it (the per-operator charts group by it). */
  readonly operator?: string;
  /** Set when an operator cancelled it: when, who and why. */
  readonly cancellation?: { readonly on: CivilDate; readonly by: string; readonly reason: string };
  /** The invoice that carries each installment (the original for keep terms, the new one for a new proposal). */
  readonly installmentInvoices: readonly { readonly number: number; readonly invoiceId: string }[];
  /** Once fulfilled: the day the last installment was paid and its funds became available (the covered invoices count as paid then). */
  readonly settledOn?: CivilDate;
  readonly fundsAvailableOn?: CivilDate;
  /** The agreements module's agreement value (plain, serialisable). */
  readonly agreement: unknown;
}

/**
 * An entry of one of seed 004's registers: an agreement category
 * ("Categorias de Acordo": name, active) or an e-mail template ("Modelo de
 * Email": name, subject, body with `{{placeholders}}`). Entries are never
 * deleted, only deactivated, so agreements and messages keep naming them.
 */
export interface RegisterRecord extends Versioned {
  readonly register: 'agreement_category' | 'email_template';
  readonly name: string;
  readonly active: boolean;
  /** E-mail templates: the subject and the body. */
  readonly subject?: string;
  readonly body?: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** A negativation as stored: the negativation module's plain data plus bookkeeping. */
export interface NegativationRecord extends Versioned {
  readonly customerId: string;
  readonly invoiceId: string;
  /** `debtor document|creditor|title|bureau`: one registration per key. */
  readonly uniqueKey: string;
  readonly status: string;
  /** The negativation module's value (plain, serialisable): hand it to `transition` as is. */
  readonly negativation: Negativation;
}

/** A protest as stored: the protest module's plain data plus bookkeeping. */
export interface ProtestRecord extends Versioned {
  readonly customerId: string;
  readonly invoiceId: string;
  /** `debtor document|creditor|title`: one live protest per key. */
  readonly uniqueKey: string;
  readonly status: string;
  /** The protest module's value (plain, serialisable). */
  readonly protest: Protest;
}

/** One collection account per customer (seed 004): everything about collecting from them. */
export interface CollectionAccountRecord extends Versioned {
  readonly customerId: string;
  /** `pending` after "start collection", `confirmed` once the operator confirms it. */
  readonly status: 'pending' | 'confirmed' | 'closed';
  readonly openedOn: CivilDate;
  readonly confirmedOn?: CivilDate;
  readonly invoiceIds: readonly string[];
  readonly comments: readonly AccountComment[];
  readonly attachments: readonly AccountAttachment[];
  readonly messages: readonly AccountMessage[];
  readonly tasks: readonly AccountTask[];
}

/**
 * A comment or contact record (seed 004 "Inserir comentários ou registros de
 * contato"): contact type (active: the operator called; reactive: the customer
 * did), medium, who answered on the customer's side, category, subject, text;
 * plus how it went and when to call back.
 */
export interface AccountComment {
  readonly id: string;
  readonly at: string;
  readonly author: string;
  readonly text: string;
  readonly subject?: string;
  readonly contactType?: 'active' | 'reactive';
  readonly medium?: string;
  readonly customerContact?: string;
  readonly category?: string;
  /** How the contact went (e.g. "promised to pay"). */
  readonly contactStatus?: string;
  /** When to return to the customer. */
  readonly returnOn?: CivilDate;
  readonly invoiceId?: string;
}

/** An attachment's metadata (the file itself lives in the host's storage). */
export interface AccountAttachment {
  readonly id: string;
  readonly at: string;
  readonly author: string;
  readonly fileName: string;
  readonly description?: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** Where the host keeps the file. */
  readonly uri: string;
  /** Set when the attachment was removed (kept for the history). */
  readonly deletedAt?: string;
}

/** An e-mail, SMS, WhatsApp, letter or app message sent from the account. */
export interface AccountMessage {
  readonly id: string;
  readonly at: string;
  readonly author: string;
  readonly channel: 'email' | 'sms' | 'whatsapp' | 'letter' | 'push';
  /** Addresses or phone numbers. */
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly subject?: string;
  readonly text?: string;
  readonly templateId?: string;
  /** Invoices attached (e-mail) or mentioned. */
  readonly invoiceIds?: readonly string[];
  /** The operator's note kept on the account (seed 004 "Observação"). */
  readonly note?: string;
  /** The outbox effect that sends it. */
  readonly effectKey: string;
  /** Set when it was written outside the contact window: it goes out at this instant. */
  readonly notBefore?: string;
}

/** An operator task. */
export interface AccountTask {
  readonly id: string;
  readonly title: string;
  readonly scheduledAt: string;
  readonly assignee: string;
  readonly description?: string;
  readonly status: 'open' | 'cancelled' | 'completed';
  readonly cancelReason?: string;
  readonly completedBy?: string;
  readonly completedAt?: string;
  readonly completionNotes?: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** A ruler action already performed, by its idempotency key (never done twice). */
export interface ActionLogEntry {
  readonly key: string;
  readonly invoiceId: string;
  readonly customerId: string;
  readonly stepId: string;
  readonly action: string;
  readonly on: CivilDate;
  readonly at: string;
  /**
   * Steps this one entry records at once: the earlier steps a later step
   * superseded on the invoice in one evaluation (a catch-up of 100 missed
   * steps is one entry, not 99). Each counts as done, like `stepId` of an
   * ordinary entry.
   */
  readonly stepIds?: readonly string[];
}

/** Something the host must do (send, register, remove …), recorded in the same transaction as the decision. */
export interface OutboxEffect {
  readonly id: string;
  /** Idempotency key: the same effect is never enqueued twice. */
  readonly key: string;
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /**
   * `pending` until performed; `done` once performed; `failed` after the last
   * attempt failed; `cancelled` when, at the moment it was to be performed, it
   * no longer applied (a dunning message for an invoice paid meanwhile): never performed.
   */
  readonly status: 'pending' | 'done' | 'failed' | 'cancelled';
  readonly attempts: number;
  readonly createdAt: string;
  /** Not to be performed before this instant (a contact deferred to the contact window). */
  readonly notBefore?: string;
  readonly doneAt?: string;
  /** Why the last attempt failed, or why the effect was cancelled. */
  readonly lastError?: string;
  /** The worker that claimed the effect to perform it (see `Outbox.claim`); cleared when it is settled. */
  readonly claimedBy?: string;
  /** Until when that claim holds (ISO instant); after it another worker may claim the effect. */
  readonly claimedUntil?: string;
}

/** One line of the audit log: who did what to which subject, when and why. */
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly subjectType: 'customer' | 'invoice' | 'account' | 'agreement' | 'negativation' | 'protest' | 'payment' | 'cycle' | 'register';
  readonly subjectId: string;
  readonly action: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The stored answer to a command, under the command's idempotency key. */
export interface IdempotencyRecord {
  readonly key: string;
  readonly command: string;
  readonly response: unknown;
  readonly at: string;
}
