import * as z from 'zod';
import type { CivilDate } from '../calendar/index.js';
import { epochDayOfText } from '../calendar/civil-date.js';
import { parseTaxId, type TaxId } from '../documents/index.js';
import { parseMoney, type Money } from '../money/index.js';
import { LATEST_TITLE_DUE_DATE } from './date-room.js';
import type { DebtorInput } from './debtor.js';
import type { ParsedNegativationRequest } from './request-schema.js';
import { DEFAULT_NEGATIVATION_SETTINGS, NOTICE_CHANNELS, NOTICE_MODES, type NegativationSettings } from './settings.js';
import { NEGATIVATION_STATUSES, REQUEST_ORIGINS } from './status.js';

/*
 * A hand-checked reader of the request `startNegativation` takes
 * (`negativationRequestSchema`), for the happy path: it accepts only what the
 * schema accepts and returns what the schema returns, or `undefined` at the
 * first doubt (a value it would refuse, a key it does not know, a key present
 * with `undefined`, an object that is not plain); the caller then parses with
 * the schema, which builds the error with its path. Two differences, both
 * invisible to the caller: the debtor and the existing negativations are
 * checked in place and handed back as given (the schema copies them, and
 * strips the fields of `existing` the duplicate guard does not read), and
 * the debtor's document comes back parsed once (`debtorTaxId`) so nothing
 * parses it again. A property test proves both paths give the same results
 * and the same errors.
 */

/** What the reader returns: the request as the schema returns it, and the debtor's tax id when the document is valid. */
export interface FastRequest {
  readonly request: ParsedNegativationRequest;
  /** The debtor's document, parsed (absent when it is not a valid CPF/CNPJ: the debtor-data guard says why). */
  readonly debtorTaxId: TaxId | undefined;
}

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Whether every own key of `value` is one of `known` and none holds `undefined` (the schemas here are strict). */
function onlyKnownKeys(value: Plain, known: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!known.has(key) || value[key] === undefined) return false;
  }
  return true;
}

/** A string with something left once trimmed, trimmed (`z.string().trim().min(1)`). */
function trimmed(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text.length > 0 ? text : undefined;
}

function date(value: unknown): CivilDate | undefined {
  return Number.isNaN(epochDayOfText(value)) ? undefined : (value as CivilDate);
}

function money(value: unknown): Money | undefined {
  const parsed = parseMoney(value);
  return parsed.isOk() ? parsed.value : undefined;
}

const REQUEST_KEYS: ReadonlySet<string> = new Set(['id', 'origin', 'bureau', 'creditor', 'debtor', 'title', 'registration', 'settings', 'existing', 'on', 'actor', 'reason', 'at']);
const CREDITOR_KEYS: ReadonlySet<string> = new Set(['id', 'name', 'document']);
const DEBTOR_KEYS: ReadonlySet<string> = new Set(['document', 'name', 'birthDate', 'address', 'email', 'phone']);
const DEBTOR_TEXT_KEYS = ['name', 'email', 'phone'] as const;
const ADDRESS_KEYS: ReadonlySet<string> = new Set(['street', 'number', 'complement', 'district', 'city', 'state', 'cep']);
const TITLE_KEYS: ReadonlySet<string> = new Set(['id', 'amount', 'dueDate', 'outstanding', 'prescribesOn', 'paid', 'inActiveAgreement', 'disputed']);
const REGISTRATION_KEYS: ReadonlySet<string> = new Set(['id', 'titleIds']);
const MAX_REGISTRATION_TITLES = 100;
/** `at`: the schema's own check (one regular expression), so the two cannot disagree on a timestamp. */
const atSchema = z.iso.datetime({ offset: true });
/** The last `at` the schema's check accepted (requests made in one run of a host share the instant, or a few): not checked again. */
let lastAt: string | undefined;

/** The request as `negativationRequestSchema` returns it, or `undefined` when only the schema can say (see above). */
export function readNegativationRequestFast(input: unknown): FastRequest | undefined {
  if (!isPlain(input) || !onlyKnownKeys(input, REQUEST_KEYS)) return undefined;
  const id = trimmed(input.id);
  const origin = input.origin;
  const bureau = trimmed(input.bureau);
  const on = date(input.on);
  const actor = trimmed(input.actor);
  if (id === undefined || !(REQUEST_ORIGINS as readonly unknown[]).includes(origin) || bureau === undefined || on === undefined || actor === undefined) return undefined;
  if (input.reason !== undefined && typeof input.reason !== 'string') return undefined;
  if (input.at !== undefined && input.at !== lastAt) {
    if (!atSchema.safeParse(input.at).success) return undefined;
    lastAt = input.at as string;
  }
  const creditor = creditorOf(input.creditor);
  const debtor = debtorOf(input.debtor);
  const title = titleOf(input.title);
  const registration = input.registration === undefined ? undefined : registrationOf(input.registration);
  const settings = input.settings === undefined ? undefined : settingsOf(input.settings);
  const existing = input.existing === undefined ? [] : existingOf(input.existing);
  if (creditor === undefined || debtor === undefined || title === undefined || existing === undefined) return undefined;
  if ((input.registration !== undefined && registration === undefined) || (input.settings !== undefined && settings === undefined)) return undefined;
  if (registration !== undefined && !registration.titleIds.includes(title.id)) return undefined;
  const request = {
    id,
    origin: origin as ParsedNegativationRequest['origin'],
    bureau,
    creditor,
    debtor,
    title,
    ...(registration !== undefined ? { registration } : {}),
    ...(settings !== undefined ? { settings } : {}),
    existing,
    on,
    actor,
    ...(input.reason !== undefined ? { reason: input.reason as string } : {}),
    ...(input.at !== undefined ? { at: input.at as string } : {}),
  };
  const taxId = parseTaxId(debtor.document);
  return { request, debtorTaxId: taxId.isOk() ? taxId.value : undefined };
}

function creditorOf(value: unknown): ParsedNegativationRequest['creditor'] | undefined {
  if (!isPlain(value) || !onlyKnownKeys(value, CREDITOR_KEYS)) return undefined;
  const id = trimmed(value.id);
  const name = trimmed(value.name);
  const document = creditorTaxId(value.document);
  return id === undefined || name === undefined || document === undefined ? undefined : { id, name, document };
}

/** The creditor's document of the last request (a host requests for one creditor, call after call). */
let lastCreditor: { readonly document: string; readonly taxId: TaxId } | undefined;

/** The creditor's tax id, parsed once per document text (a fresh copy each call: the negativation owns it). */
function creditorTaxId(document: unknown): TaxId | undefined {
  if (lastCreditor !== undefined && document === lastCreditor.document) return { ...lastCreditor.taxId };
  const parsed = parseTaxId(document);
  if (parsed.isErr()) return undefined;
  lastCreditor = { document: document as string, taxId: { ...parsed.value } };
  return parsed.value;
}

/** The debtor, checked in place (the schema is lenient: its gaps are the debtor-data guard's problems, not input errors). */
function debtorOf(value: unknown): DebtorInput | undefined {
  if (!isPlain(value) || !onlyKnownKeys(value, DEBTOR_KEYS) || typeof value.document !== 'string') return undefined;
  for (const key of DEBTOR_TEXT_KEYS) if (value[key] !== undefined && typeof value[key] !== 'string') return undefined;
  if (value.birthDate !== undefined && date(value.birthDate) === undefined) return undefined;
  const address = value.address;
  if (address !== undefined) {
    if (!isPlain(address) || !onlyKnownKeys(address, ADDRESS_KEYS)) return undefined;
    for (const key in address) if (typeof address[key] !== 'string') return undefined;
  }
  return value as DebtorInput;
}

function titleOf(value: unknown): ParsedNegativationRequest['title'] | undefined {
  if (!isPlain(value) || !onlyKnownKeys(value, TITLE_KEYS)) return undefined;
  const id = trimmed(value.id);
  const amount = money(value.amount);
  const dueDate = date(value.dueDate);
  const outstanding = value.outstanding === undefined ? undefined : money(value.outstanding);
  const prescribesOn = value.prescribesOn === undefined ? undefined : date(value.prescribesOn);
  const { paid = false, inActiveAgreement = false, disputed = false } = value;
  if (id === undefined || amount === undefined || amount.cents <= 0 || dueDate === undefined || dueDate > LATEST_TITLE_DUE_DATE) return undefined;
  if ((value.outstanding !== undefined && (outstanding === undefined || outstanding.cents < 0)) || (value.prescribesOn !== undefined && prescribesOn === undefined)) return undefined;
  if (typeof paid !== 'boolean' || typeof inActiveAgreement !== 'boolean' || typeof disputed !== 'boolean') return undefined;
  // Written out, not spread: the schema's field order (id, amount, dueDate, outstanding?, prescribesOn?, paid, inActiveAgreement, disputed).
  if (outstanding !== undefined && prescribesOn !== undefined) return { id, amount, dueDate, outstanding, prescribesOn, paid, inActiveAgreement, disputed };
  if (outstanding !== undefined) return { id, amount, dueDate, outstanding, paid, inActiveAgreement, disputed };
  if (prescribesOn !== undefined) return { id, amount, dueDate, prescribesOn, paid, inActiveAgreement, disputed };
  return { id, amount, dueDate, paid, inActiveAgreement, disputed };
}

function registrationOf(value: unknown): NonNullable<ParsedNegativationRequest['registration']> | undefined {
  if (!isPlain(value) || !onlyKnownKeys(value, REGISTRATION_KEYS)) return undefined;
  const id = trimmed(value.id);
  const raw = value.titleIds;
  if (id === undefined || !Array.isArray(raw) || raw.length < 2 || raw.length > MAX_REGISTRATION_TITLES) return undefined;
  const titleIds: string[] = [];
  for (const one of raw as unknown[]) {
    const titleId = trimmed(one);
    if (titleId === undefined || titleIds.includes(titleId)) return undefined;
    titleIds.push(titleId);
  }
  return { id, titleIds };
}

/** Checks of each setting's value, as `negativationSettingsShape` writes them. */
const int = (min: number, max: number) => (value: unknown) => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
const bool = (value: unknown) => typeof value === 'boolean';
const member = (values: readonly string[]) => (value: unknown) => typeof value === 'string' && values.includes(value);
const isChannel = member(NOTICE_CHANNELS);
const SETTING_CHECKS: Readonly<Record<keyof NegativationSettings, (value: unknown) => boolean>> = {
  removeAutomatically: bool,
  minimumDaysOverdue: int(1, 3650),
  minimumAmount: () => true, // read below (it is parsed, not just checked)
  noticeWaitingDays: int(0, 365),
  qualifyingNoticeChannels: (value) => Array.isArray(value) && value.length >= 1 && value.length <= NOTICE_CHANNELS.length && (value as unknown[]).every(isChannel),
  defaultNoticeChannel: isChannel,
  noticeMode: member(NOTICE_MODES),
  emailReadDays: int(1, 60),
  submissionCutoffMonths: int(1, 60),
  prescriptionYears: int(1, 5),
  requireBirthDateForPersons: bool,
  removeAfterFirstAgreementInstallment: bool,
  removeOnPrincipalPaid: bool,
  removalAlarmBusinessDays: int(0, 5),
  ageLimitWarningDays: int(0, 365),
  stuckSubmissionDays: int(0, 365),
};

/** The settings of the last request whose settings were frozen all the way down, and what they were read as (frozen too). */
let lastSettings: { readonly given: object; readonly read: NegativationSettings } | undefined;

/** Whether `value` and each object it holds are frozen (settings hold lists of strings and amounts: one level deep is all the way). */
function frozenSettings(value: Plain): boolean {
  if (!Object.isFrozen(value)) return false;
  for (const key in value) {
    const given = value[key];
    if (given !== null && typeof given === 'object' && !Object.isFrozen(given)) return false;
  }
  return true;
}

/**
 * Settings as `negativationSettingsSchema` returns them: the defaults, then every given value (amounts parsed, lists
 * copied). Settings frozen all the way down (a host's one settings object, call after call) cannot have changed since
 * they were last read: the last reading, frozen, is handed back again.
 */
function settingsOf(value: unknown): NegativationSettings | undefined {
  if (!isPlain(value)) return undefined;
  if (lastSettings !== undefined && lastSettings.given === value) return lastSettings.read;
  const read = readSettings(value);
  if (read !== undefined && frozenSettings(value)) {
    for (const key in read) {
      const part = (read as unknown as Plain)[key];
      if (part !== null && typeof part === 'object') Object.freeze(part);
    }
    lastSettings = { given: value, read: Object.freeze(read) };
  }
  return read;
}

function readSettings(value: Plain): NegativationSettings | undefined {
  const out: Record<string, unknown> = { ...DEFAULT_NEGATIVATION_SETTINGS };
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const check = Object.hasOwn(SETTING_CHECKS, key) ? SETTING_CHECKS[key as keyof NegativationSettings] : undefined;
    const given = value[key];
    if (check === undefined || given === undefined || !check(given)) return undefined;
    if (key === 'minimumAmount') {
      const amount = money(given);
      if (amount === undefined || amount.cents < 0) return undefined;
      out[key] = amount;
    } else out[key] = Array.isArray(given) ? [...(given as unknown[])] : given;
  }
  return out as unknown as NegativationSettings;
}

/** The negativations on record, checked in place for the fields the duplicate guard reads. */
function existingOf(value: unknown): ParsedNegativationRequest['existing'] | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const one of value as unknown[]) {
    if (!isPlain(one) || typeof one.status !== 'string' || !(NEGATIVATION_STATUSES as readonly string[]).includes(one.status) || typeof one.bureau !== 'string') return undefined;
    const { creditor, title, debtor } = one;
    if (!isPlain(creditor) || typeof creditor.id !== 'string' || !isPlain(title) || typeof title.id !== 'string' || !isPlain(debtor)) return undefined;
    if (!isPlain(debtor.document) || typeof debtor.document.number !== 'string') return undefined;
  }
  return value as ParsedNegativationRequest['existing'];
}
