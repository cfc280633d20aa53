/**
 * Civil dates in America/Sao_Paulo and the Brazilian business-day calendar.
 * @module calendar
 */
export {
  type CivilDate,
  type Weekday,
  civilDate,
  civilDateOf,
  parseCivilDate,
  dateParts,
  isLeapYear,
  daysInMonth,
  toEpochDay,
  fromEpochDay,
  epochDayOf,
  weekdayOf,
  weekdayOfEpochDay,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
} from './civil-date.js';
export { addDays, addMonths, addYears, daysBetween, compareDates, isBefore, isAfter, minDate, maxDate, startOfMonth, endOfMonth } from './arithmetic.js';
export { SAO_PAULO, type Clock, type InstantSource, type ZonedDateTime, zonedDateTime, todayIn, instantAt } from './zoned.js';
export { easterEpochDay } from './easter.js';
export {
  type Holiday,
  type HolidayKind,
  type HolidayRule,
  type StateCode,
  STATE_CODES,
  CONSCIENCIA_NEGRA_NATIONAL_SINCE,
  nationalHolidays,
  bankingClosures,
  stateHolidays,
} from './holidays.js';
export { type BusinessCalendar, type BrazilianCalendarOptions, brazilianCalendar } from './business-calendar.js';
export { defaultBusinessCalendar, isBusinessCalendar, calendarOption } from './default-calendar.js';
export { payableOn, daysOverdue } from './due-date.js';
export { prescriptionOn } from './prescription.js';
export { civilDateSchema } from './schema.js';
