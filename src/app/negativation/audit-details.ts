import { maskDeep, maskPersonalData } from '../../documents/index.js';
import type { AuditEntry, StoreTransaction } from '../../ports/index.js';
import { maskedAuditEntry, type MaskedDetails } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { perApp } from './per-app.js';

/**
 * The history details of the negativation audit lines (a request, an event),
 * masked once by their shape for the two lines each writes (the
 * negativation's and its invoice's), instead of `maskDeep` walking each line's
 * details: every field as `maskDeep` makes it (the property test
 * `negativation-audit-details` proves both lines equal to `maskDeep` of the
 * details unmasked), the same keys in the same order.
 */
export interface NegativationAuditLines {
  /** The details of the line on the negativation. */
  readonly negativation: MaskedDetails;
  /** The details of the line on its invoice. */
  readonly invoice: MaskedDetails;
}

/** A field of the details as `maskDeep` makes it at the first level down: a text masked, anything else walked. */
function masked(value: unknown): unknown {
  return typeof value === 'string' ? maskPersonalData(value) : maskDeep(value, 1);
}

/** Under each key of a request's details, the last flat part an app masked there: a copy of what it held ({@link flatShape}) and the masked part. */
type LastParts = Map<string, { readonly shape: readonly unknown[]; readonly masked: unknown }>;

/** Each app's last parts (one app's masked part is never put in another's lines). */
const lastPartsOf = perApp((): LastParts => new Map());

/**
 * A part of a request's details as {@link masked} makes it; a flat part (an authorization, a setting's path) with
 * the same content as the last one under its key gets the same masked part back (the cycle's requests of one step
 * give the same authorization and bureau setting, each a fresh object): no walk, and one masked copy kept by every
 * line that holds it, not one per request. Its content is compared with a copy taken when it was masked, so a
 * caller changing its object afterwards cannot make a stale part come back.
 */
function maskedPart(lastParts: LastParts, key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return masked(value);
  const last = lastParts.get(key);
  if (last !== undefined && sameShape(last.shape, value)) return last.masked;
  const shape = flatShape(value);
  const part = masked(value);
  if (shape !== undefined) lastParts.set(key, { shape, masked: part });
  return part;
}

const ARRAY = Symbol('array');
const OBJECT = Symbol('object');

function primitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/** Whether `value` is a plain object of primitives and arrays of primitives, or an array of primitives. */
function plainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An array of primitives (no holes) written flat: marker, length, items; `undefined` when it is not one. */
function pushArray(out: unknown[], value: readonly unknown[]): boolean {
  out.push(ARRAY, value.length);
  for (let i = 0; i < value.length; i++) {
    if (!(i in value) || !primitive(value[i])) return false;
    out.push(value[i]);
  }
  return true;
}

/** A copy of a flat part's content (keys, values, arrays' items, in order), or `undefined` when the part is not flat. */
function flatShape(value: object): unknown[] | undefined {
  const out: unknown[] = [];
  if (Array.isArray(value)) return pushArray(out, value as readonly unknown[]) ? out : undefined;
  if (!plainObject(value)) return undefined;
  const keys = Object.keys(value);
  out.push(OBJECT, keys.length);
  for (const key of keys) {
    const field = (value as Readonly<Record<string, unknown>>)[key];
    out.push(key);
    if (primitive(field)) out.push(field);
    else if (!Array.isArray(field) || !pushArray(out, field as readonly unknown[])) return undefined;
  }
  return out;
}

/** Whether `value` holds exactly what `shape` copied (the same keys in the same order, the same values by `Object.is`). */
function sameShape(shape: readonly unknown[], value: object): boolean {
  let at = 0;
  const sameArray = (items: unknown): boolean => {
    if (!Array.isArray(items) || shape[at] !== ARRAY || shape[at + 1] !== items.length) return false;
    at += 2;
    for (let i = 0; i < items.length; i++) if (!(i in items) || !Object.is(shape[at++], items[i])) return false;
    return true;
  };
  if (Array.isArray(value)) return sameArray(value) && at === shape.length;
  if (shape[0] !== OBJECT || !plainObject(value)) return false;
  at = 2;
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    count++;
    if (shape[at++] !== key) return false;
    const field = (value as Readonly<Record<string, unknown>>)[key];
    if (primitive(field)) {
      if (!Object.is(shape[at++], field)) return false;
    } else if (!sameArray(field)) return false;
  }
  return count === shape[1] && at === shape.length;
}

function asMasked(details: Readonly<Record<string, unknown>>): MaskedDetails {
  return details as MaskedDetails;
}

/**
 * The details of an event's two lines: `{ event, from, to, reason? }` on the negativation (`reason` when the event
 * gave one that is not empty), and the same with `negativationId` on its invoice.
 */
export function eventAuditDetails(event: { readonly type: string; readonly reason?: unknown }, from: string, to: string, negativationId: string): NegativationAuditLines {
  const type = masked(event.type);
  const was = masked(from);
  const now = masked(to);
  const id = masked(negativationId);
  if (event.reason) {
    const reason = masked(event.reason);
    return { negativation: asMasked({ event: type, from: was, to: now, reason }), invoice: asMasked({ event: type, from: was, to: now, reason, negativationId: id }) };
  }
  return { negativation: asMasked({ event: type, from: was, to: now }), invoice: asMasked({ event: type, from: was, to: now, negativationId: id }) };
}

/**
 * The details of a request's two lines: why it was made (`why`: origin, authorization, the bureau chosen and
 * where from, the registration of several titles) with `invoiceId` on the negativation, and with
 * `negativationId` on its invoice. `why` is masked once, key by key in its own order; the two lines share its
 * masked parts (fresh copies, none of the caller's objects; a flat part the same as the app's last one under its key
 * is that one's masked part again).
 */
export function requestAuditDetails(context: Pick<AppContext, 'policies'>, why: Readonly<Record<string, unknown>>, invoiceId: string, negativationId: string): NegativationAuditLines {
  const lastParts = lastPartsOf(context);
  const shared: Record<string, unknown> = {};
  for (const key in why) if (Object.hasOwn(why, key)) shared[key] = maskedPart(lastParts, key, why[key]);
  const negativation = Object.assign({}, shared, { invoiceId: masked(invoiceId) });
  return { negativation: asMasked(negativation), invoice: asMasked(Object.assign(shared, { negativationId: masked(negativationId) })) };
}

/** Who wrote a negativation's two audit lines, what they record, and about which negativation and invoice. */
export interface NegativationAuditLine {
  readonly actor: string;
  readonly action: string;
  readonly negativationId: string;
  readonly invoiceId: string;
}

/**
 * The two audit lines of a request or an event (the negativation's, then its invoice's), with their ids and instant,
 * in the order `recordMaskedAudit` line by line would write them.
 */
export function negativationAuditEntries(context: AppContext, line: NegativationAuditLine, lines: NegativationAuditLines): readonly [AuditEntry, AuditEntry] {
  const { actor, action } = line;
  return [
    maskedAuditEntry(context, { actor, subjectType: 'negativation', subjectId: line.negativationId, action, details: lines.negativation }),
    maskedAuditEntry(context, { actor, subjectType: 'invoice', subjectId: line.invoiceId, action, details: lines.invoice }),
  ];
}

/** Writes a request's or an event's two audit lines as one `appendMany` (one write, one promise; not one per line). */
export function appendNegativationAudit(tx: StoreTransaction, context: AppContext, line: NegativationAuditLine, lines: NegativationAuditLines): Promise<void> {
  return tx.audit.appendMany(negativationAuditEntries(context, line, lines));
}
