import { isOutcomeRecord } from './outcome-record.js';

/** An outcome of the evaluator (due action, deferred contact, skipped step): recorded by its key, read without building it. */
export interface LoggableOutcome {
  readonly key: string;
}

/** What one ruler's log holds: per subject, a bitset of the interned step numbers already done. */
interface RulerEntries {
  /** Invoice subjects by invoice id. */
  readonly invoices: Map<string, number>;
  /** Customer subjects by customer id, then anchor invoice id (two lookups of ids the evaluator already holds: no key built per subject). */
  readonly customers: Map<string, Map<string, number>>;
}

/** Steps per ruler that fit in one bitset word (31, so the word stays a small integer). */
const BITS = 31;

/** The parts of an idempotency key: `<len>:<ruler>|i|<len>:<invoice>|<step>` or `<len>:<ruler>|c|<len>:<customer>|<len>:<anchor>|<step>`. */
interface KeyParts {
  readonly rulerId: string;
  /** The invoice id, or the customer id of a customer subject. */
  readonly subjectId: string;
  /** The anchor invoice id of a customer subject; `undefined` for an invoice subject. */
  readonly anchorId: string | undefined;
  readonly stepId: string;
}

/** Reads one length-prefixed id at `at`: returns its end (the index of the `|` after it) or -1. */
function readId(key: string, at: number): number {
  const colon = key.indexOf(':', at);
  if (colon <= at) return -1;
  const digits = key.slice(at, colon);
  if (!/^\d{1,9}$/.test(digits)) return -1;
  const end = colon + 1 + Number(digits);
  return key.charCodeAt(end) === 124 /* | */ ? end : -1;
}

function parseKey(key: string): KeyParts | undefined {
  const rulerEnd = readId(key, 0);
  if (rulerEnd < 0) return undefined;
  const rulerId = key.slice(key.indexOf(':') + 1, rulerEnd);
  const kind = key.slice(rulerEnd + 1, rulerEnd + 3);
  if (kind !== 'i|' && kind !== 'c|') return undefined;
  const first = rulerEnd + 3;
  const firstEnd = readId(key, first);
  if (firstEnd < 0) return undefined;
  const subjectId = key.slice(key.indexOf(':', first) + 1, firstEnd);
  if (kind === 'i|') return { rulerId, subjectId, anchorId: undefined, stepId: key.slice(firstEnd + 1) };
  const secondEnd = readId(key, firstEnd + 1);
  if (secondEnd < 0) return undefined;
  const anchorId = key.slice(key.indexOf(':', firstEnd + 1) + 1, secondEnd);
  return { rulerId, subjectId, anchorId, stepId: key.slice(secondEnd + 1) };
}

/**
 * The action log as a compact structure: per ruler and subject, a bitset of the
 * steps already done, with step ids interned (a few bytes per subject instead of
 * one string per action). Pass it as `done` to the evaluator; a same-day rerun
 * then looks each invoice up once, with no key built. Keys of another shape
 * (and steps past the 31st of a ruler) are kept as strings, so `has(key)` answers
 * for any key a `Set` would.
 */
export class RulerActionLog {
  readonly #rulers = new Map<string, RulerEntries>();
  readonly #steps = new Map<string, number>();
  readonly #other = new Set<string>();
  #size = 0;

  /** Records an idempotency key, or an outcome of the evaluator (read without building its key). */
  add(entry: string | LoggableOutcome): this {
    if (isOutcomeRecord(entry)) {
      if (entry.subject === 'customer') this.#addParts(entry.rulerId, entry.customerId, entry.invoiceId, entry.stepId, entry);
      else this.#addParts(entry.rulerId, entry.invoiceId, undefined, entry.stepId, entry);
      return this;
    }
    const key = typeof entry === 'string' ? entry : entry.key;
    const parts = parseKey(key);
    if (parts === undefined) this.#addOther(key);
    else this.#addParts(parts.rulerId, parts.subjectId, parts.anchorId, parts.stepId, key);
    return this;
  }

  /** Whether the key was recorded. */
  has(key: string): boolean {
    const parts = parseKey(key);
    if (parts === undefined) return this.#other.has(key);
    const bit = this.#steps.get(parts.stepId);
    if (bit === undefined || bit >= BITS) return this.#other.has(key);
    const entries = this.#rulers.get(parts.rulerId);
    if (entries === undefined) return false;
    const word = parts.anchorId === undefined ? entries.invoices.get(parts.subjectId) : entries.customers.get(parts.subjectId)?.get(parts.anchorId);
    return word !== undefined && (word & (1 << bit)) !== 0;
  }

  /** How many distinct keys were recorded. */
  get size(): number {
    return this.#size;
  }

  /** The bit of a step id in this log, or `undefined` when no subject of any ruler has it (internal to the evaluator). */
  stepBit(stepId: string): number | undefined {
    const bit = this.#steps.get(stepId);
    return bit === undefined || bit >= BITS ? undefined : bit;
  }

  /** Whether some keys are kept as strings (another shape, or a step past the 31st): the evaluator then asks {@link has} for steps without a bit. */
  get hasStringKeys(): boolean {
    return this.#other.size > 0;
  }

  /** The entries of one ruler (internal to the evaluator). */
  entriesOf(rulerId: string): { readonly invoices: ReadonlyMap<string, number>; readonly customers: ReadonlyMap<string, ReadonlyMap<string, number>> } | undefined {
    return this.#rulers.get(rulerId);
  }

  #addOther(key: string): void {
    if (!this.#other.has(key)) {
      this.#other.add(key);
      this.#size++;
    }
  }

  /** Sets a step's bit for a subject: an invoice (`anchorId` undefined) or a customer through its anchor invoice. */
  #addParts(rulerId: string, subjectId: string, anchorId: string | undefined, stepId: string, entry: string | LoggableOutcome): void {
    let bit = this.#steps.get(stepId);
    if (bit === undefined) {
      bit = this.#steps.size;
      this.#steps.set(stepId, bit);
    }
    if (bit >= BITS) return this.#addOther(typeof entry === 'string' ? entry : entry.key);
    let entries = this.#rulers.get(rulerId);
    if (entries === undefined) {
      entries = { invoices: new Map(), customers: new Map() };
      this.#rulers.set(rulerId, entries);
    }
    let map = entries.invoices;
    let id = subjectId;
    if (anchorId !== undefined) {
      let anchors = entries.customers.get(subjectId);
      if (anchors === undefined) {
        anchors = new Map();
        entries.customers.set(subjectId, anchors);
      }
      map = anchors;
      id = anchorId;
    }
    const word = map.get(id) ?? 0;
    if ((word & (1 << bit)) === 0) {
      map.set(id, word | (1 << bit));
      this.#size++;
    }
  }
}

/**
 * A compact action log ({@link RulerActionLog}) holding `entries`: idempotency keys or the evaluator's outcomes.
 * @example
 * ```ts
 * import { evaluateRuler, rulerActionLog } from 'cobranca/ruler';
 *
 * const ruler = { id: 'padrao', steps: [{ id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } }] } as const;
 * const invoices = [{ id: 'inv-1', customerId: 'c-1', dueDate: '2026-11-23', amount: '373.52' }];
 * const first = evaluateRuler({ ruler, invoices, asOf: '2026-11-24T10:00:00-03:00' });
 * if (first.isOk()) {
 *   const done = rulerActionLog(first.value.due); // or the idempotency keys your store kept: rulerActionLog(keys)
 *   console.log(done.size, done.has(first.value.due[0]?.key ?? ''));
 * }
 * // → 1 true
 * ```
 */
export function rulerActionLog(entries: Iterable<string | LoggableOutcome> = []): RulerActionLog {
  const log = new RulerActionLog();
  for (const entry of entries) log.add(entry);
  return log;
}
