/**
 * How the fuzz covers each runtime export of the package's entries (checked by
 * test/fuzz/completeness.test.ts, so a new export fails `npm test` until it is
 * placed here or in test/fuzz/subjects.ts).
 *
 * - Input boundaries (functions that answer a `Result`) are in `subjects.ts`:
 *   any input is a value or a typed error, never a throw.
 * - Typed helpers, below, take values the package's parsers already made (a
 *   `Money`, a `CivilDate`, a parsed record, a `Decimal`); TypeScript is their
 *   contract and a value outside it may throw a `TypeError` or `RangeError`.
 *   test/fuzz/helpers.test.ts still calls each with plausible and hostile
 *   arguments: it must return or throw an `Error`, never hang.
 * - Excluded, below: functions with effects outside the process (servers,
 *   databases, files) or that define a test suite, each with its reason and
 *   where it is tested instead.
 */
export const typedHelpers: Readonly<Record<string, readonly string[]>> = {
  'money arithmetic, comparison and conversion of parsed Money and Decimal values (their input parsers, parseMoney/parseBrl/parseDecimal/allocate, are subjects); brl() is the literal constructor documented to throw on a typo': [
    'ExactTotal', 'abs', 'add', 'brl', 'compare', 'decimalJsRounding', 'equals', 'exactAddCents', 'exactCentsTimes', 'exactSumCents', 'formatBrl', 'fromCents', 'fromDecimal', 'greaterThan', 'isMoney', 'isNegative', 'isPositive', 'isZero', 'lessThan', 'max', 'min', 'multiply', 'negate', 'percentOf', 'roundToInteger', 'subtract', 'sum', 'toCents', 'toDecimal', 'toDecimalString', 'withinExactLimit', 'withinInputLimit',
  ],
  'civil-date and business-day arithmetic on parsed CivilDate values (parseCivilDate is the subject; civilDate() is the literal constructor documented to throw): also fuzzed over every date of the range 0000–9999 in helpers.test.ts': [
    'addDays', 'addMonths', 'addYears', 'bankingClosures', 'brazilianCalendar', 'civilDate', 'civilDateOf', 'compareDates', 'dateParts', 'daysBetween', 'daysInMonth', 'daysOverdue', 'defaultBusinessCalendar', 'easterEpochDay', 'endOfMonth', 'epochDayOf', 'fromEpochDay', 'instantAt', 'isAfter', 'isBefore', 'isBusinessCalendar', 'isLeapYear', 'maxDate', 'minDate', 'nationalHolidays', 'payableOn', 'prescriptionOn', 'startOfMonth', 'stateHolidays', 'toEpochDay', 'todayIn', 'weekdayOf', 'weekdayOfEpochDay', 'zonedDateTime',
  ],
  'formatting, check digits and masking of parsed documents and text (parseCpf/parseCnpj/parseTaxId are subjects)': [
    'cnpjCheckDigits', 'cnpjProblem', 'cpfCheckDigits', 'cpfProblem', 'echo', 'formatCnpj', 'formatCpf', 'formatTaxId', 'isAlphanumericCnpj', 'maskCep', 'maskDeep', 'maskEmail', 'maskName', 'maskPersonalData', 'maskPhone', 'maskTaxId',
  ],
  'error and application helpers over values the package made (an error path, a customer record, a worker share)': ['VersionConflictError', 'formatPath', 'isVersionConflict', 'customerOf', 'inShare', 'shareBucket'],
  'agreement helpers over parsed policies and plans (their raw input is fuzzed through proposeAgreement and calculateLateCharges)': ['capAgreementFine', 'lateChargesWith', 'newInvoicesOf', 'owedAmountWith'],
  'negativation deadlines, keys and predicates over a parsed Negativation or request (startNegativation, transition, parseNegativation are subjects)': [
    'ageLimitOn', 'debtorDataProblems', 'earliestSubmissionOn', 'eventAppliesIn', 'eventsAllowedIn', 'isFinalStatus', 'isRegistered', 'keyOf', 'negativationKey', 'negativationStateDiagram', 'noticeCountsFrom', 'occupiesKey', 'refusalKindOfGuard', 'refusalVerdict', 'registrationExpiresOn', 'removalAlarmOn', 'submissionCutoffOn',
  ],
  'ruler helpers over a defined Ruler and resolved settings (defineRuler, resolveSettings, evaluateRuler are subjects)': [
    'RulerActionLog', 'actionChannel', 'forwardAfterDaysOf', 'inheritable', 'isInsideContactWindow', 'isResolvedSettings', 'isRuler', 'isSettlementAction', 'nextContactMoment', 'overlayLevels', 'rulerActionLog', 'smsLength',
  ],
  'protest deadlines, keys and predicates over a parsed Protest (startProtest, transitionProtest are subjects)': [
    'effectiveNoticeOn', 'isFinalProtestStatus', 'isProtestStanding', 'keyOfProtest', 'letterOfConsentDeadline', 'paperNoticeDueOn', 'protestEventsAllowedIn', 'protestKey', 'protestOccupiesKey', 'protestStateDiagram', 'registrationDeadline',
  ],
  'bank-return and portfolio predicates over parsed values (readReturnFile, classifyPortfolio are subjects)': ['isSupportedBank', 'panelsOf'],
  'test fakes a host builds in its own tests': ['fakeBureau', 'manualClock', 'recordingNotifier', 'sequentialIds', 'staticRates', 'storeConformanceCases'],
  'adapter constructors and helpers over the host wiring (the system clock and random ids, which take no input; the memory store; bureau-http signing, keys, breaker, replay guard; the postgres value check)': [
    'systemClock', 'randomIds', 'MemoryStore', 'BureauCallError', 'circuitBreaker', 'createReplayGuard', 'genericJsonProfile', 'genericRegistrationBody', 'idempotencyKeyOf', 'signBureauWebhook', 'UnstorableValueError', 'isUnstorableValue',
  ],
};

/** Exports the fuzz does not call, with the reason and where they are tested. */
export const excluded: Readonly<Record<string, string>> = {
  negativationUpdateWakes: 'a total predicate over two stored records for store implementers (no Result, never throws on a record without a negativation); proven by the wake conformance cases over every status pair (src/testing/wake-cases.ts)',
  compareDueKeys: 'a total comparator over the port\'s due keys for store implementers; proven by the negativation due-index conformance cases and model test',
  describeStoreConformance: 'defines a vitest suite (it calls describe/it); run by test/adapters/memory-store.test.ts and the postgres tests',
  startBureauSimulator: 'starts an HTTP server; test/adapters/bureau-http drives it over loopback',
  bureauWebhookListener: 'starts an HTTP listener; its parsing is parseBureauWebhook (a subject), its serving is tested in test/adapters/bureau-http',
  connectPostgres: 'opens a database connection; test/adapters/postgres',
  createPostgresStore: 'opens and migrates a database; test/adapters/postgres runs the store conformance suite',
  migrate: 'writes a database schema; test/adapters/postgres',
  openPglite: 'starts an embedded PostgreSQL (seconds of CPU per call); test/adapters/postgres',
  pgDriver: 'wraps a pg pool (a connection); test/adapters/postgres',
  pgliteDriver: 'wraps a PGlite instance; test/adapters/postgres',
  PostgresStore: 'a store over a live driver; test/adapters/postgres runs the store conformance suite',
  saveMemoryStore: 'writes a file; test/adapters/snapshot-file.test.ts (concurrent saves, SIGKILL during a save)',
  loadMemoryStore: 'reads a file: its content goes through readMemorySnapshot (a subject); test/adapters/snapshot-file.test.ts loads tampered files of each kind',
};

/** Every name in `typedHelpers`. */
export const typedHelperNames: ReadonlySet<string> = new Set(Object.values(typedHelpers).flat());
