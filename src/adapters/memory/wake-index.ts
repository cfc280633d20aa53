import type { CivilDate } from '../../calendar/index.js';
import { shareBucket, type Share } from '../../ports/share.js';
import type { CustomerEvaluation, DueCustomer, WakeIndex } from '../../ports/store.js';
import type { Versioned } from '../../ports/records.js';
import { negativationUpdateWakes } from '../../ports/negativation-wake.js';
import { upperBound } from './collection.js';

/**
 * Per collection, which updates touch their customer (the port's rules); a
 * collection not named here: every write does. Inserts and deletes always do.
 */
export const UPDATE_WAKES: { readonly [name: string]: ((before: Versioned, after: Versioned) => boolean) | undefined } = {
  negativations: negativationUpdateWakes as (before: Versioned, after: Versioned) => boolean,
};

/** One customer's place in the wake index. */
interface WakeEntry {
  /** Committed writes that touched it so far. */
  touched: number;
  /** The touch count its last evaluation recorded (due while below `touched`). */
  evaluated: number;
  /** The plan (fingerprint) epoch of its last evaluation (due while below the index's). */
  epoch: number;
  /** The next day it is due without a write, or `undefined`. */
  wakeOn: CivilDate | undefined;
  /** Its share bucket, computed the first time a share asks. */
  bucket: number | undefined;
}

/**
 * The committed wake index of a memory store: a touch count, the last
 * evaluation and the wake day per customer, and the plan's fingerprint.
 * Customers are walked in id order for `due` (one lookup each; the sorted ids
 * are cached until a new customer appears).
 */
export class CommittedWakes {
  private readonly entries = new Map<string, WakeEntry>();
  private sortedIds: string[] | undefined;
  private epoch = 0;
  private fingerprint: string | undefined;

  /** The stored fingerprint. */
  get plan(): string | undefined {
    return this.fingerprint;
  }

  private entry(customerId: string): WakeEntry {
    let entry = this.entries.get(customerId);
    if (entry === undefined) {
      entry = { touched: 0, evaluated: 0, epoch: this.epoch, wakeOn: undefined, bucket: undefined };
      this.entries.set(customerId, entry);
      this.sortedIds = undefined;
    }
    return entry;
  }

  /** Adds touches to a customer (a new customer is due). */
  touch(customerId: string, count: number): void {
    this.entry(customerId).touched += count;
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
  }

  /** Stores a new fingerprint: every customer is due. */
  replan(fingerprint: string): void {
    this.fingerprint = fingerprint;
    this.epoch++;
  }

  /** {@link WakeIndex.due} on the committed state. */
  due(today: CivilDate, limit: number, after: string | undefined, share: Share | undefined): DueCustomer[] {
    this.sortedIds ??= [...this.entries.keys()].sort();
    const ids = this.sortedIds;
    const out: DueCustomer[] = [];
    for (let i = after === undefined ? 0 : upperBound(ids, after); i < ids.length && out.length < limit; i++) {
      const id = ids[i] as string;
      const entry = this.entries.get(id) as WakeEntry;
      if (entry.evaluated >= entry.touched && entry.epoch === this.epoch && (entry.wakeOn === undefined || entry.wakeOn > today)) continue;
      if (share !== undefined && share.count > 1) {
        entry.bucket ??= shareBucket(id);
        if (entry.bucket % share.count !== share.index) continue;
      }
      out.push({ customerId: id, touched: entry.touched });
    }
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
