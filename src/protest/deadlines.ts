import type { BusinessCalendar, CivilDate } from '../calendar/index.js';
import type { ProtestNotice } from './protest.js';
import type { ProtestSettings } from './settings.js';

/**
 * The last day the notary may register the protest, and so the debtor's last
 * day to pay at the notary: `registrationBusinessDays` (3) business days after
 * the protocol, the protocol day excluded (Lei 9.492/1997 art. 12 §1).
 * Protocolled Thu 2026-11-19 → Fri 20 is a holiday → Mon 23, Tue 24, Wed 25.
 * @example
 * ```ts
 * import { brazilianCalendar, civilDate } from 'cobranca';
 * import { registrationDeadline } from 'cobranca/protest';
 *
 * // Protocolled Thursday 19 November; Friday 20 is a holiday.
 * console.log(registrationDeadline(civilDate('2026-11-19'), { registrationBusinessDays: 3 }, brazilianCalendar())); // → 2026-11-25
 * ```
 */
export function registrationDeadline(protocolledOn: CivilDate, settings: Pick<ProtestSettings, 'registrationBusinessDays'>, calendar: BusinessCalendar): CivilDate {
  return calendar.addBusinessDays(protocolledOn, settings.registrationBusinessDays);
}

/**
 * The day an unconfirmed electronic notice stops counting and a paper notice is due: 3 business days after it was sent (art. 14, Lei 14.711/2023).
 * @example
 * ```ts
 * import { brazilianCalendar, civilDate } from 'cobranca';
 * import { paperNoticeDueOn } from 'cobranca/protest';
 *
 * // An e-mail notice sent Monday 23 November, unconfirmed: the paper notice is due 3 business days later.
 * console.log(paperNoticeDueOn(civilDate('2026-11-23'), { electronicNoticeBusinessDays: 3 }, brazilianCalendar())); // → 2026-11-26
 * ```
 */
export function paperNoticeDueOn(electronicSentOn: CivilDate, settings: Pick<ProtestSettings, 'electronicNoticeBusinessDays'>, calendar: BusinessCalendar): CivilDate {
  return calendar.addBusinessDays(electronicSentOn, settings.electronicNoticeBusinessDays);
}

/**
 * The day the letter of consent is due: `letterOfConsentBusinessDays` business days after the funds are available (creditor policy).
 * @example
 * ```ts
 * import { brazilianCalendar, civilDate } from 'cobranca';
 * import { letterOfConsentDeadline } from 'cobranca/protest';
 *
 * // Paid to the creditor, funds available Friday 27 November; the letter within 5 business days.
 * console.log(letterOfConsentDeadline(civilDate('2026-11-27'), { letterOfConsentBusinessDays: 5 }, brazilianCalendar())); // → 2026-12-04
 * ```
 */
export function letterOfConsentDeadline(fundsAvailableOn: CivilDate, settings: Pick<ProtestSettings, 'letterOfConsentBusinessDays'>, calendar: BusinessCalendar): CivilDate {
  return calendar.addBusinessDays(fundsAvailableOn, settings.letterOfConsentBusinessDays);
}

/**
 * Whether the debtor was validly notified as of `asOf`: a paper notice or a
 * public notice (edital) sent, or an electronic notice the debtor confirmed.
 * An electronic notice alone, unconfirmed, does not count (art. 14).
 * @example
 * ```ts
 * import { civilDate } from 'cobranca';
 * import { effectiveNoticeOn } from 'cobranca/protest';
 *
 * const electronic = { channel: 'electronic', sentOn: civilDate('2026-11-23') } as const;
 * console.log(effectiveNoticeOn([electronic], civilDate('2026-11-25'))); // → undefined
 * console.log(effectiveNoticeOn([{ ...electronic, confirmedOn: civilDate('2026-11-24') }], civilDate('2026-11-25'))); // → 2026-11-24
 * ```
 */
export function effectiveNoticeOn(notices: readonly ProtestNotice[], asOf: CivilDate): CivilDate | undefined {
  let earliest: CivilDate | undefined;
  for (const notice of notices) {
    const effective = notice.channel === 'electronic' ? notice.confirmedOn : notice.sentOn;
    if (effective === undefined || effective > asOf) continue;
    if (earliest === undefined || effective < earliest) earliest = effective;
  }
  return earliest;
}
