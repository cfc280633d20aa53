import type { Negativation } from './negativation.js';

/** Every field of a negativation, the optional ones present as `undefined` when absent: what a step fills before the record is built. */
// Mapped over `Required<…>`, not with `-?`: a `-?` strips `undefined` from the optional fields when `exactOptionalPropertyTypes` is off (a host's or the examples' compiler).
export type NegativationFields = { -readonly [K in keyof Required<Negativation>]: Negativation[K] | undefined };

type Writable = { -readonly [K in keyof Negativation]: Negativation[K] };

/**
 * Builds a negativation record in one fixed order: the fields every negativation
 * has, in the order `startNegativation` has always written them, then each
 * optional field that is set, in a fixed order (an optional field is absent, never
 * `undefined`, so the value stays plain JSON and `'settlement' in n` keeps its
 * meaning). Every record this module builds therefore has one of a few object
 * shapes that share the offsets of the common fields: reading one is cheap for
 * the engine, where a spread of the previous record carried every shape history
 * ever produced (a megamorphic copy). `registration` keeps its place after `title`.
 */
export function negativationRecord(f: NegativationFields): Negativation {
  const n: Writable =
    f.registration === undefined
      ? {
          id: f.id as string,
          version: f.version as number,
          status: f.status as Negativation['status'],
          origin: f.origin as Negativation['origin'],
          bureau: f.bureau as string,
          creditor: f.creditor as Negativation['creditor'],
          debtor: f.debtor as Negativation['debtor'],
          title: f.title as Negativation['title'],
          outstanding: f.outstanding as Negativation['outstanding'],
          requestedOn: f.requestedOn as Negativation['requestedOn'],
          ageLimitOn: f.ageLimitOn as Negativation['ageLimitOn'],
          prescribesOn: f.prescribesOn as Negativation['prescribesOn'],
          expiresOn: f.expiresOn as Negativation['expiresOn'],
          submissionCutoffOn: f.submissionCutoffOn as Negativation['submissionCutoffOn'],
          settings: f.settings as Negativation['settings'],
          inActiveAgreement: f.inActiveAgreement as boolean,
          disputed: f.disputed as boolean,
          notices: f.notices as Negativation['notices'],
          portalBannerShown: f.portalBannerShown as boolean,
          payments: f.payments as Negativation['payments'],
          lastEventOn: f.lastEventOn as Negativation['lastEventOn'],
          history: f.history as Negativation['history'],
        }
      : {
          id: f.id as string,
          version: f.version as number,
          status: f.status as Negativation['status'],
          origin: f.origin as Negativation['origin'],
          bureau: f.bureau as string,
          creditor: f.creditor as Negativation['creditor'],
          debtor: f.debtor as Negativation['debtor'],
          title: f.title as Negativation['title'],
          registration: f.registration,
          outstanding: f.outstanding as Negativation['outstanding'],
          requestedOn: f.requestedOn as Negativation['requestedOn'],
          ageLimitOn: f.ageLimitOn as Negativation['ageLimitOn'],
          prescribesOn: f.prescribesOn as Negativation['prescribesOn'],
          expiresOn: f.expiresOn as Negativation['expiresOn'],
          submissionCutoffOn: f.submissionCutoffOn as Negativation['submissionCutoffOn'],
          settings: f.settings as Negativation['settings'],
          inActiveAgreement: f.inActiveAgreement as boolean,
          disputed: f.disputed as boolean,
          notices: f.notices as Negativation['notices'],
          portalBannerShown: f.portalBannerShown as boolean,
          payments: f.payments as Negativation['payments'],
          lastEventOn: f.lastEventOn as Negativation['lastEventOn'],
          history: f.history as Negativation['history'],
        };
  // the optional fields, in the order a negativation usually gains them
  if (f.agreementId !== undefined) n.agreementId = f.agreementId;
  if (f.bureauNoticeRequestedOn !== undefined) n.bureauNoticeRequestedOn = f.bureauNoticeRequestedOn;
  if (f.noticePeriodElapsedOn !== undefined) n.noticePeriodElapsedOn = f.noticePeriodElapsedOn;
  if (f.submittedOn !== undefined) n.submittedOn = f.submittedOn;
  if (f.bureauReference !== undefined) n.bureauReference = f.bureauReference;
  if (f.registeredOn !== undefined) n.registeredOn = f.registeredOn;
  if (f.settlement !== undefined) n.settlement = f.settlement;
  if (f.removal !== undefined) n.removal = f.removal;
  if (f.failure !== undefined) n.failure = f.failure;
  return n;
}
