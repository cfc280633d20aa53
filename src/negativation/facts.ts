import type { z } from 'zod';
import type { BusinessCalendar, CivilDate } from '../calendar/index.js';
import { parseTaxId } from '../documents/index.js';
import { ageLimitOn, prescriptionOn, submissionCutoffOn } from './dates.js';
import type { DebtorInput } from './debtor.js';
import type { GuardFacts } from './guards/index.js';
import { negativationKey, type Negativation, type Notice } from './negativation.js';
import { occupiesKey, type existingNegativationSchema, type titleInputSchema } from './request-schema.js';
import type { NegativationSettings } from './settings.js';

/** The guard facts of an existing negativation as of a day (debtor data and uniqueness were checked at the request). */
export function factsOf(negativation: Negativation, asOf: CivilDate, calendar: BusinessCalendar): GuardFacts {
  return {
    asOf,
    settings: negativation.settings,
    dueDate: negativation.title.dueDate,
    calendar,
    outstanding: negativation.outstanding,
    submissionCutoffOn: negativation.submissionCutoffOn,
    ageLimitOn: negativation.ageLimitOn,
    prescribesOn: negativation.prescribesOn,
    paid: negativation.settlement?.kind === 'paid',
    inActiveAgreement: negativation.inActiveAgreement,
    disputed: negativation.disputed,
    notices: negativation.notices,
  };
}

/** What a request (or a pre-flight check) knows before a negativation exists. */
export interface RequestFactsInput {
  readonly asOf: CivilDate;
  readonly calendar: BusinessCalendar;
  readonly settings: NegativationSettings;
  readonly title: z.output<typeof titleInputSchema>;
  readonly notices?: readonly Notice[];
  readonly debtor?: DebtorInput;
  readonly creditorId?: string;
  readonly bureau?: string;
  readonly existing: readonly z.output<typeof existingNegativationSchema>[];
}

/**
 * The guard facts of a would-be negativation: dates derived from the due date
 * and settings, and the uniqueness key when debtor, creditor and bureau are known.
 */
export function requestFacts(input: RequestFactsInput): GuardFacts {
  const { asOf, calendar, settings, title, debtor, creditorId, bureau } = input;
  const document = debtor ? parseTaxId(debtor.document) : undefined;
  const key =
    document?.isOk() && creditorId !== undefined && bureau !== undefined
      ? negativationKey({ debtorDocument: document.value.number, creditorId, titleId: title.id, bureau })
      : undefined;
  const liveKeys = new Set(
    input.existing
      .filter((n) => occupiesKey(n.status))
      .map((n) => negativationKey({ debtorDocument: n.debtor.document.number, creditorId: n.creditor.id, titleId: n.title.id, bureau: n.bureau })),
  );
  return {
    asOf,
    settings,
    dueDate: title.dueDate,
    calendar,
    outstanding: title.outstanding ?? title.amount,
    submissionCutoffOn: submissionCutoffOn(title.dueDate, settings.submissionCutoffMonths),
    ageLimitOn: ageLimitOn(title.dueDate),
    prescribesOn: title.prescribesOn ?? prescriptionOn(title.dueDate, settings.prescriptionYears),
    paid: title.paid,
    inActiveAgreement: title.inActiveAgreement,
    disputed: title.disputed,
    notices: input.notices ?? [],
    ...(debtor ? { debtor } : {}),
    ...(key !== undefined ? { key } : {}),
    liveKeys,
  };
}
