import { civilDateSchema, epochDayOf, fromEpochDay, LAST_SUPPORTED_YEAR, type CivilDate } from '../calendar/index.js';
import { LAST_SUPPORTED_EPOCH_DAY } from '../calendar/civil-date.js';

/*
 * Dates the negativation rules count forward from: each must leave room for the
 * deadline it starts inside the supported calendar (up to 9999-12-31), so a
 * date too late is an `invalid_input` at its field, never a throw later.
 */

/** The latest due date whose 5-year limits (age limit, cutoff, prescription: at most 5 years after the day after it) fit: 9994-12-30. */
export const LATEST_TITLE_DUE_DATE: CivilDate = fromEpochDay(epochDayOf(LAST_SUPPORTED_YEAR - 5, 12, 30));

/** The latest day a notice may be sent so the longest waiting period (365 days) ends within the calendar. */
export const LATEST_NOTICE_DAY: CivilDate = fromEpochDay(LAST_SUPPORTED_EPOCH_DAY - 365);

/** The latest funds-available day whose removal deadline (5 business days) still fits, with a month of room: 9999-11-30. */
export const LATEST_FUNDS_DAY: CivilDate = fromEpochDay(LAST_SUPPORTED_EPOCH_DAY - 31);

/** A civil date no later than `latest`; `what` says which deadline needs the room. */
function dateWithRoom(latest: CivilDate, what: string): typeof civilDateSchema {
  return civilDateSchema.refine((day) => day <= latest, `dates after ${latest} leave no room for ${what} within the supported calendar`);
}

/** A title's due date (room for the 5-year limits). */
export const titleDueDateSchema = dateWithRoom(LATEST_TITLE_DUE_DATE, 'the 5-year limits of CDC art. 43');
/** The day a notice was sent (room for the waiting period). */
export const noticeDaySchema = dateWithRoom(LATEST_NOTICE_DAY, 'the notice waiting period');
/** The day funds were available (room for the removal deadline). */
export const fundsDaySchema = dateWithRoom(LATEST_FUNDS_DAY, 'the removal deadline');
