import type { CivilDate } from '../../calendar/index.js';
import { shareBucket, type Share } from '../../ports/share.js';
import type { CustomerEvaluation, DueCustomer, WakeIndex } from '../../ports/store.js';
import type { Versioned } from '../../ports/records.js';
import { negativationUpdateWakes } from '../../ports/negativation-wake.js';

/**
 * Per collection, which updates touch their customer (the port's rules); a
 * collection not named here: every write does. Inserts and deletes always do.
 */
export const UPDATE_WAKES: { readonly [name: string]: ((before: Versioned, after: Versioned) => boolean) | undefined } = {
  negativations: negativationUpdateWakes as (before: Versioned, after: Versioned) => boolean,
};

/**
 * Where a customer is in the wake index's walk: `quiet` with no wake day (only
 * a write or a new plan makes it due), `asleep` in the bucket of its wake day,
 * or a `candidate` that `due` checks.
 */
type Place = 'quiet' | 'asleep' | 'candidate';

/** One customer's place in the wake index. */
interface WakeEntry {
  /** The customer's id. */
  readonly id: string;
  /** Committed writes that touched it so far. */
  touched: number;
  /** The touch count its last evaluation recorded (due while below `touched`). */
  evaluated: number;
  /** The plan (fingerprint) epoch of its last evaluation (due while below the index's). */
  epoch: number;
  /** The next day it is due without a write, or `undefined`. */
  wakeOn: CivilDate | undefined;
  /** Whether `due` visits it, it sleeps in a bucket, or neither. */
  place: Place;
  /** Its share bucket, computed the first time a share asks. */
  bucket: number | undefined;
}

/** Pending candidates above the cursor kept beside the sorted list before they are merged into it. */
const EXTRA_LIMIT = 1_024;

/** Customer-id order of entries. */
const byId = (a: WakeEntry, b: WakeEntry): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The first position in `sorted` (by id) whose id is above `after`. */
function above(sorted: readonly WakeEntry[], after: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as WakeEntry).id <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Walks two id-ordered lists as one, from `i` in `a` and `j` in `b`, handing each
 * entry to `visit` (an entry in both lists comes twice, one after the other) until
 * both end or `visit` returns `false`.
 */
function walkById(a: readonly WakeEntry[], i: number, b: readonly WakeEntry[], j: number, visit: (entry: WakeEntry) => boolean): void {
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    let entry: WakeEntry;
    if (y === undefined || (x !== undefined && x.id < y.id)) {
      entry = x as WakeEntry;
      i++;
    } else {
      entry = y;
      j++;
    }
    if (!visit(entry)) return;
  }
}

/**
 * The committed wake index of a memory store: a touch count, the last
 * evaluation and the wake day per customer, and the plan's fingerprint.
 * `due` visits only the **candidates**: the customers touched since their
 * evaluation, those of an older plan, and those whose wake day came (a quiet
 * customer sleeps in the bucket of its wake day; a `due` on or after that day
 * makes the bucket's sleepers candidates). A customer stops being a candidate
 * when an evaluation quiets it. So a day's pages cost what its due customers
 * do, not the portfolio. Candidates are kept in customer-id order for keyset
 * paging: a sorted list merged at the start of each walk (`after` absent)
 * with the ones added since, and between pages a small sorted list of the
 * ones added above the cursor (those below it wait for the next merge: no
 * page after the cursor can return them). Lists and buckets may hold
 * entries that moved on since (checked when read).
 */
export class CommittedWakes {
  private readonly entries = new Map<string, WakeEntry>();
  private epoch = 0;
  private fingerprint: string | undefined;
  /** Entries put to sleep per wake day (one counts only while it is still asleep until that day). */
  private readonly buckets = new Map<CivilDate, WakeEntry[]>();
  /** The earliest day with a bucket (`undefined`: none). */
  private firstDay: CivilDate | undefined;
  /** Candidates in id order as of the last merge (may still hold entries that stopped being candidates). */
  private sorted: WakeEntry[] = [];
  /** Candidates added since the last merge, not yet placed (unsorted). */
  private added: WakeEntry[] = [];
  /** Candidates added since the last merge, in id order, that a later page may return. */
  private extra: WakeEntry[] = [];
  /** Candidates added since the last merge at or below a page's cursor (merged at the next walk's start). */
  private below: WakeEntry[] = [];
  /** The greatest id in `below`. */
  private belowMax: string | undefined;

  /** The stored fingerprint. */
  get plan(): string | undefined {
    return this.fingerprint;
  }

  private entry(customerId: string): WakeEntry {
    let entry = this.entries.get(customerId);
    if (entry === undefined) {
      entry = { id: customerId, touched: 0, evaluated: 0, epoch: this.epoch, wakeOn: undefined, place: 'quiet', bucket: undefined };
      this.entries.set(customerId, entry);
      this.candidate(entry);
    }
    return entry;
  }

  /** Makes a customer a candidate (once). */
  private candidate(entry: WakeEntry): void {
    if (entry.place === 'candidate') return;
    entry.place = 'candidate';
    this.added.push(entry);
  }

  /** Takes a quiet customer out of the candidates, into the bucket of its wake day (if it has one). */
  private sleep(entry: WakeEntry): void {
    const day = entry.wakeOn;
    if (day === undefined) {
      entry.place = 'quiet';
      return;
    }
    entry.place = 'asleep';
    const bucket = this.buckets.get(day);
    if (bucket !== undefined) {
      bucket.push(entry);
      return;
    }
    this.buckets.set(day, [entry]);
    if (this.firstDay === undefined || day < this.firstDay) this.firstDay = day;
  }

  /** Adds touches to a customer (a new customer is due). */
  touch(customerId: string, count: number): void {
    const entry = this.entry(customerId);
    if (count === 0) return;
    entry.touched += count;
    this.candidate(entry);
  }

  /** The committed touch count of a customer (0 when never seen). */
  touchedOf(customerId: string): number {
    return this.entries.get(customerId)?.touched ?? 0;
  }

  /** Records an evaluation the own-writes rule let through (the caller checked it): quiet until `wakeOn`. */
  quiet(customerId: string, wakeOn: CivilDate | undefined): void {
    const entry = this.entry(customerId);
    entry.evaluated = entry.touched;
    entry.epoch = this.epoch;
    entry.wakeOn = wakeOn;
    this.sleep(entry);
  }

  /** Stores a new fingerprint: every customer is due. */
  replan(fingerprint: string): void {
    this.fingerprint = fingerprint;
    this.epoch++;
    for (const entry of this.entries.values()) this.candidate(entry);
  }

  /** Makes the sleepers of the days up to `today` candidates. */
  private wakeUpTo(today: CivilDate): void {
    if (this.firstDay === undefined || this.firstDay > today) return;
    let first: CivilDate | undefined;
    for (const [day, bucket] of this.buckets) {
      if (day > today) {
        if (first === undefined || day < first) first = day;
        continue;
      }
      this.buckets.delete(day);
      for (const entry of bucket) if (entry.place === 'asleep' && entry.wakeOn === day) this.candidate(entry);
    }
    this.firstDay = first;
  }

  /** Merges every candidate added since the last merge into the sorted list, dropping the ones no longer candidates. */
  private merge(): void {
    const fresh = this.added.concat(this.extra, this.below).sort(byId);
    const merged: WakeEntry[] = [];
    let last: WakeEntry | undefined;
    walkById(this.sorted, 0, fresh, 0, (entry) => {
      if (entry !== last && entry.place === 'candidate') merged.push(entry);
      last = entry;
      return true;
    });
    this.sorted = merged;
    this.added = [];
    this.extra = [];
    this.below = [];
    this.belowMax = undefined;
  }

  /** Places the candidates added since the last page: above the cursor into `extra` (merged when it grows), the others into `below`. */
  private place(after: string): void {
    for (const entry of this.added) {
      if (entry.id > after) {
        this.extra.splice(above(this.extra, entry.id), 0, entry);
      } else {
        this.below.push(entry);
        if (this.belowMax === undefined || entry.id > this.belowMax) this.belowMax = entry.id;
      }
    }
    this.added = [];
    if (this.extra.length > EXTRA_LIMIT) this.merge();
  }

  /** Whether a candidate is due on `today` and in the share; a candidate found quiet goes back to sleep. */
  private isDue(entry: WakeEntry, today: CivilDate, share: Share | undefined): boolean {
    if (entry.place !== 'candidate') return false;
    if (entry.evaluated >= entry.touched && entry.epoch === this.epoch && (entry.wakeOn === undefined || entry.wakeOn > today)) {
      // Quiet after all (a `due` for an earlier day than its bucket's, or a new customer never touched).
      this.sleep(entry);
      return false;
    }
    if (share === undefined || share.count <= 1) return true;
    entry.bucket ??= shareBucket(entry.id);
    return entry.bucket % share.count === share.index;
  }

  /** {@link WakeIndex.due} on the committed state. */
  due(today: CivilDate, limit: number, after: string | undefined, share: Share | undefined): DueCustomer[] {
    this.wakeUpTo(today);
    // A walk's start, or a cursor below candidates set aside: everything is merged first.
    if (after === undefined || (this.belowMax !== undefined && after < this.belowMax)) this.merge();
    else if (this.added.length > 0) this.place(after);
    const out: DueCustomer[] = [];
    if (limit <= 0) return out;
    let last: WakeEntry | undefined;
    const start = (list: readonly WakeEntry[]): number => (after === undefined ? 0 : above(list, after));
    walkById(this.sorted, start(this.sorted), this.extra, start(this.extra), (entry) => {
      if (entry !== last && this.isDue(entry, today, share)) out.push({ customerId: entry.id, touched: entry.touched });
      last = entry;
      return out.length < limit;
    });
    return out;
  }
}

/**
 * A transaction's view of the wake index: `due` reads the committed state;
 * touches, evaluations and a new plan are staged and applied at commit, the
 * evaluations by the own-writes rule.
 */
export class TransactionalWakes {
  private readonly evaluations = new Map<string, CustomerEvaluation>();
  private fingerprint: string | undefined;

  constructor(private readonly committed: CommittedWakes) {}

  /** The port's view. */
  view(): WakeIndex {
    return {
      due: async (today, limit, after, share) => this.committed.due(today, limit, after, share),
      evaluated: async (evaluations) => {
        for (const evaluation of evaluations) this.evaluations.set(evaluation.customerId, evaluation);
      },
      plan: async (fingerprint) => {
        if ((this.fingerprint ?? this.committed.plan) === fingerprint) return false;
        this.fingerprint = fingerprint;
        return true;
      },
    };
  }

  /**
   * Applies the transaction: a new plan first, then the evaluations (a
   * customer whose committed touch count still equals what its evaluation
   * read becomes quiet, its own touches in this transaction included), then
   * the touches of this transaction (`own`, per customer).
   */
  commit(own: ReadonlyMap<string, number>): void {
    if (this.fingerprint !== undefined) this.committed.replan(this.fingerprint);
    const applied = new Set<string>();
    for (const evaluation of this.evaluations.values()) {
      if (this.committed.touchedOf(evaluation.customerId) !== evaluation.touched) continue;
      this.committed.touch(evaluation.customerId, own.get(evaluation.customerId) ?? 0);
      this.committed.quiet(evaluation.customerId, evaluation.wakeOn);
      applied.add(evaluation.customerId);
    }
    for (const [customerId, count] of own) if (!applied.has(customerId)) this.committed.touch(customerId, count);
  }
}
