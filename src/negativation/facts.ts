import type { z } from 'zod';
import type { BusinessCalendar, CivilDate } from '../calendar/index.js';
import { parseTaxId, type TaxId } from '../documents/index.js';
import { titleDeadlines } from './dates.js';
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
  /** `debtor.document` already parsed when valid (absent: parsed here). */
  readonly debtorTaxId?: TaxId;
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
  const debtorTaxId = debtor === undefined ? undefined : (input.debtorTaxId ?? validTaxId(debtor.document));
  const key = debtorTaxId !== undefined && creditorId !== undefined && bureau !== undefined ? negativationKey({ debtorDocument: debtorTaxId.number, creditorId, titleId: title.id, bureau }) : undefined;
  const liveKeys = new Set<string>();
  for (const n of input.existing) {
    if (occupiesKey(n.status)) liveKeys.add(negativationKey({ debtorDocument: n.debtor.document.number, creditorId: n.creditor.id, titleId: n.title.id, bureau: n.bureau }));
  }
  const dates = titleDeadlines(title.dueDate, settings.submissionCutoffMonths, settings.prescriptionYears);
  return {
    asOf,
    settings,
    dueDate: title.dueDate,
    calendar,
    outstanding: title.outstanding ?? title.amount,
    submissionCutoffOn: dates.submissionCutoffOn,
    ageLimitOn: dates.ageLimitOn,
    prescribesOn: title.prescribesOn ?? dates.prescribesOn,
    paid: title.paid,
    inActiveAgreement: title.inActiveAgreement,
    disputed: title.disputed,
    notices: input.notices ?? [],
    ...(debtor ? { debtor } : {}),
    ...(debtorTaxId !== undefined ? { debtorTaxId } : {}),
    ...(key !== undefined ? { key } : {}),
    liveKeys,
  };
}

function validTaxId(document: string): TaxId | undefined {
  const parsed = parseTaxId(document);
  return parsed.isOk() ? parsed.value : undefined;
}
