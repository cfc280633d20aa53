import type { CivilDate } from '../calendar/index.js';
import type { TaxId } from '../documents/index.js';
import type { Money } from '../money/index.js';
import type { ProtestEvent } from './events.js';
import type { ProtestSettings } from './settings.js';
import type { ProtestStatus } from './status.js';

/** How the notary told the debtor (art. 14; Lei 14.711/2023 puts the electronic notice first). */
export type ProtestNoticeChannel = 'electronic' | 'paper' | 'public_notice';

/** A notice the notary sent the debtor, and when the debtor confirmed it (electronic) or it was delivered. */
export interface ProtestNotice {
  readonly channel: ProtestNoticeChannel;
  readonly sentOn: CivilDate;
  readonly confirmedOn?: CivilDate;
}

/** A payment of the protested title: at the notary (art. 19) or to the creditor directly. */
export interface ProtestPayment {
  readonly where: 'notary' | 'creditor';
  readonly amount: Money;
  readonly paidOn: CivilDate;
  readonly fundsAvailableOn: CivilDate;
}

/** One applied event, kept forever with the status change. */
export interface ProtestHistoryEntry {
  readonly version: number;
  readonly from: ProtestStatus | null;
  readonly to: ProtestStatus;
  readonly event: ProtestEvent;
}

/**
 * One protest of one title of one debtor by one creditor at one notary. Plain,
 * JSON-serialisable data: persist it as is and hand it back to
 * `transitionProtest`. `version` counts applied events and equals `history.length`.
 */
export interface Protest {
  readonly id: string;
  readonly version: number;
  readonly status: ProtestStatus;
  /** The notary's office (cartório de protesto) the title goes to. */
  readonly notary: string;
  readonly creditor: { readonly id: string; readonly name: string; readonly document: TaxId };
  readonly debtor: {
    readonly document: TaxId;
    readonly name: string;
    readonly address: { readonly street: string; readonly number: string; readonly city: string; readonly state: string; readonly cep: string; readonly district?: string; readonly complement?: string };
  };
  /** The title with the data the notary needs. */
  readonly title: { readonly id: string; readonly amount: Money; readonly dueDate: CivilDate; readonly kind: string };
  readonly settings: ProtestSettings;
  readonly requestedOn: CivilDate;
  readonly protocol?: { readonly number: string; readonly on: CivilDate };
  /** The last day the notary may register the protest and the debtor may pay at the notary (art. 12). */
  readonly registerBy?: CivilDate;
  readonly notices: readonly ProtestNotice[];
  readonly protestedOn?: CivilDate;
  readonly payment?: ProtestPayment;
  /** The creditor's letter of consent (carta de anuência) for the cancellation, with the day it is due. */
  readonly letterOfConsent?: { readonly dueBy: CivilDate; readonly issuedOn?: CivilDate; readonly deliveredTo: 'debtor' | 'notary' };
  readonly cancellation?: { readonly by: 'debtor' | 'creditor'; readonly requestedOn?: CivilDate; readonly confirmedOn?: CivilDate };
  readonly withdrawal?: { readonly reason: string; readonly requestedOn: CivilDate; readonly confirmedOn?: CivilDate };
  readonly returned?: { readonly reason: string; readonly on: CivilDate };
  readonly lastEventOn: CivilDate;
  readonly history: readonly ProtestHistoryEntry[];
}

/**
 * The uniqueness key: one live protest per debtor document, creditor and title.
 * @example
 * ```ts
 * import { keyOfProtest, protestKey, startProtest } from 'cobranca/protest';
 *
 * const started = startProtest({
 *   id: 'pro-1', notary: '1º Tabelionato de Protesto de Curitiba',
 *   creditor: { id: 'c1', name: 'Provedor Exemplo Ltda', document: '11.222.333/0001-81' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza',
 *             address: { street: 'Rua das Flores', number: '100', city: 'Curitiba', state: 'PR', cep: '80010-000' } },
 *   title: { id: 'inv-1', amount: '1234.56', dueDate: '2026-10-01' },
 *   on: '2026-11-16', actor: 'operator.ana',
 * });
 * started.match(
 *   ({ protest }) => console.log(protestKey({ debtorDocument: '52998224725', creditorId: 'c1', titleId: 'inv-1' }) === keyOfProtest(protest)), // → true
 *   (error) => console.error(error.code, error.message),
 * );
 * ```
 */
export function protestKey(parts: { debtorDocument: string; creditorId: string; titleId: string }): string {
  return `${parts.debtorDocument}|${parts.creditorId}|${parts.titleId}`;
}

/**
 * The uniqueness key of a protest (see {@link protestKey}).
 * @example
 * ```ts
 * import { keyOfProtest, startProtest } from 'cobranca/protest';
 *
 * const started = startProtest({
 *   id: 'pro-1', notary: '1º Tabelionato de Protesto de Curitiba',
 *   creditor: { id: 'c1', name: 'Provedor Exemplo Ltda', document: '11.222.333/0001-81' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza',
 *             address: { street: 'Rua das Flores', number: '100', city: 'Curitiba', state: 'PR', cep: '80010-000' } },
 *   title: { id: 'inv-1', amount: '1234.56', dueDate: '2026-10-01' },
 *   on: '2026-11-16', actor: 'operator.ana',
 * });
 * started.match(
 *   ({ protest }) => console.log(keyOfProtest(protest).includes('529.982.247-25')), // → false
 *   (error) => console.error(error.code, error.message),
 * );
 * ```
 */
export function keyOfProtest(protest: Protest): string {
  return protestKey({ debtorDocument: protest.debtor.document.number, creditorId: protest.creditor.id, titleId: protest.title.id });
}
