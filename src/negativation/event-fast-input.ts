import type { CivilDate } from '../calendar/index.js';
import { epochDayOfText } from '../calendar/civil-date.js';
import { parseMoney } from '../money/index.js';
import { LATEST_FUNDS_DAY, LATEST_NOTICE_DAY } from './date-room.js';
import { eventInstantSchema, negativationEventSchema, type NegativationEvent } from './events.js';
import { NOTICE_CHANNELS } from './settings.js';

/*
 * A hand-checked reader of the events `transition` takes, for the happy path: it
 * accepts only what the schema accepts and returns what the schema returns, or
 * `undefined` at the first doubt (a field it does not read, a value it would
 * refuse, an unusual object); the caller then parses with the schema, which
 * builds the error with its path. A property test proves both give the same events.
 */

/** Says "ask the schema" (a value no field can hold). */
const DOUBT = Symbol('doubt');
type Read = unknown;
type FieldReader = (value: unknown, type: string) => Read;

/** A civil date as `civilDateSchema` reads it (`epochDayOfText` is the one reader behind `parseCivilDate`), with no result object. */
function date(value: unknown): CivilDate | typeof DOUBT {
  return Number.isNaN(epochDayOfText(value)) ? DOUBT : (value as CivilDate);
}

/** A string with something left once trimmed (the output is trimmed, as the schema's `trim()` does). */
function trimmed(value: unknown): string | typeof DOUBT {
  if (typeof value !== 'string') return DOUBT;
  const text = value.trim();
  return text.length > 0 ? text : DOUBT;
}

function text(value: unknown): string | typeof DOUBT {
  return typeof value === 'string' ? value : DOUBT;
}

function oneOf(values: readonly string[]): FieldReader {
  return (value) => (typeof value === 'string' && values.includes(value) ? value : DOUBT);
}

/** Types whose `on` needs room for the notice waiting period (`noticeDaySchema`). */
const NOTICE_DAY_TYPES: ReadonlySet<string> = new Set(['notice_sent', 'bureau_notice_posted']);
/** Types whose `reason` is required and trimmed (the others take any optional text as it is). */
const REASON_REQUIRED_TYPES: ReadonlySet<string> = new Set(['analysis_rejected', 'bureau_rejected', 'cancel_requested', 'failure']);
/** Types whose `proofOfPosting` is required. */
const PROOF_REQUIRED_TYPES: ReadonlySet<string> = new Set(['bureau_notice_posted']);

/** The event's day (`on`), with room for the notice waiting period on the types that need it. */
function eventDay(value: unknown, type: string): CivilDate | typeof DOUBT {
  const day = date(value);
  return day !== DOUBT && NOTICE_DAY_TYPES.has(type) && day > LATEST_NOTICE_DAY ? DOUBT : day;
}

/** The event's instant, checked by the schema's own reader of that one field (a pattern test, not the whole event's parse). */
/** The last instant the schema accepted (the events of one run of a host share the instant, or a few): not parsed again. */
let lastInstant: string | undefined;

function instant(value: unknown): string | typeof DOUBT {
  if (typeof value === 'string' && value === lastInstant) return value;
  const parsed = eventInstantSchema.safeParse(value);
  if (!parsed.success) return DOUBT;
  if (parsed.data === value) lastInstant = parsed.data;
  return parsed.data;
}

/** The fields this reader reads; a field not here (`owed`, `paidOutside`…) sends the event to the schema. */
const FIELDS: Readonly<Record<string, FieldReader>> = {
  on: eventDay,
  at: instant,
  actor: trimmed,
  reason: (value, type) => (REASON_REQUIRED_TYPES.has(type) ? trimmed(value) : text(value)),
  channel: oneOf(NOTICE_CHANNELS),
  proofOfPosting: trimmed,
  bureauReference: text,
  kind: oneOf(['full', 'partial', 'agreement_installment']),
  amount: (value) => {
    const parsed = parseMoney(value);
    return parsed.isOk() && parsed.value.cents > 0 ? parsed.value : DOUBT;
  },
  paidOn: date,
  fundsAvailableOn: (value) => {
    const day = date(value);
    return day !== DOUBT && day > LATEST_FUNDS_DAY ? DOUBT : day;
  },
  installmentNumber: (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : DOUBT),
  agreementId: trimmed,
};

/** Whether a field must be present (the others are optional). */
function required(key: string, type: string): boolean {
  if (key === 'reason') return REASON_REQUIRED_TYPES.has(type);
  if (key === 'proofOfPosting') return PROOF_REQUIRED_TYPES.has(type);
  return REQUIRED_FIELDS.has(key);
}
const REQUIRED_FIELDS: ReadonlySet<string> = new Set(['on', 'actor', 'channel', 'kind', 'amount', 'paidOn', 'fundsAvailableOn', 'agreementId']);

/** One field of an event type after `on` and `actor`: its name, its reader (absent: a field only the schema reads), whether it must be present. */
interface FieldPlan {
  readonly key: string;
  readonly reader: FieldReader | undefined;
  readonly required: boolean;
}

/**
 * Every event type's fields after `type`, in the schema's order (read from the schema, so the two cannot drift
 * apart): every type starts with `on` and `actor` (read by name), then the rest, planned once per type.
 */
const PLANS: ReadonlyMap<string, readonly FieldPlan[]> = new Map(
  negativationEventSchema.options.map((option) => {
    const type = option.shape.type.value;
    const keys = Object.keys(option.shape).filter((key) => key !== 'type');
    if (keys[0] !== 'on' || keys[1] !== 'actor') throw new Error(`event ${type}: the reader expects on and actor first`);
    return [type, keys.slice(2).map((key) => ({ key, reader: FIELDS[key], required: required(key, type) }))] as const;
  }),
);

/** The schema's cross-field rules, checked on what was read. */
function crossFieldRulesHold(event: Record<string, unknown>): boolean {
  if (event.type === 'notice_sent') return event.channel !== 'letter' || event.proofOfPosting !== undefined;
  if (event.type === 'payment_received') {
    const paidOn = event.paidOn as string;
    return paidOn <= (event.on as string) && (event.fundsAvailableOn as string) >= paidOn && (event.kind === 'agreement_installment') === (event.installmentNumber !== undefined);
  }
  return true;
}

/** The event as the schema would return it, or `undefined` when only the schema can say (see above). */
export function readNegativationEventFast(input: unknown): NegativationEvent | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const proto: unknown = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const source = input as Record<string, unknown>;
  const type = source.type;
  if (typeof type !== 'string') return undefined;
  const plan = PLANS.get(type);
  if (plan === undefined) return undefined;
  const on = eventDay(source.on, type);
  const actor = trimmed(source.actor);
  if (on === DOUBT || actor === DOUBT) return undefined; // both required: undefined is a doubt
  const event: Record<string, unknown> = { type, on, actor };
  let read = 3;
  for (let i = 0; i < plan.length; i++) {
    const field = plan[i] as FieldPlan;
    const value = source[field.key];
    // absent, or present as undefined: the own-key count below sends the latter to the schema
    if (value === undefined) {
      if (field.required) return undefined;
      continue;
    }
    if (field.reader === undefined) return undefined;
    const parsed = field.reader(value, type);
    if (parsed === DOUBT) return undefined;
    event[field.key] = parsed;
    read++;
  }
  let own = 0;
  for (const key in source) if (Object.hasOwn(source, key)) own++;
  if (own !== read || !crossFieldRulesHold(event)) return undefined;
  return event as NegativationEvent;
}
