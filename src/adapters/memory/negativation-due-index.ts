import type { CivilDate } from '../../calendar/index.js';
import type { DueNegativation, NegativationCheck, NegativationDueIndex, NegativationDueKey } from '../../ports/negativation-due.js';
import type { NegativationRecord } from '../../ports/records.js';
import { shareBucket } from '../../ports/share.js';
import { upperBound } from './collection.js';

/** One negativation's place in the index. */
interface DueEntry {
  readonly customerId: string;
  /** Committed touches so far. */
  touched: number;
  /** Its sort text (see {@link sortText}), or `undefined` when only a write makes it due. */
  text: string | undefined;
  /** Its share bucket, computed the first time a share asks. */
  bucket: number | undefined;
}

const WRITTEN: NegativationDueKey = { written: true };

/** The sort text of a key and id: written entries first (by id), then by day and id. */
function sortText(key: NegativationDueKey, id: string): string {
  return key.written ? `0\u0000${id}` : `1${key.dueOn}\u0000${id}`;
}

/** The key a sort text stands for. */
function keyOf(text: string): NegativationDueKey {
  return text.startsWith('0') ? WRITTEN : { written: false, dueOn: text.slice(1, text.indexOf('\u0000')) as CivilDate };
}

/**
 * The committed negativation due index of a memory store: per negativation
 * its touch count and sort text; the texts kept in a sorted array plus a small
 * sorted array of recent additions (merged into the first when it grows), with
 * removed or moved texts skipped when read and dropped at the next merge. So
 * `due` reads only the due entries, and a touch or a check costs a binary
 * search, not a sort of the whole index.
 */
export class CommittedNegativationDue {
  private readonly entries = new Map<string, DueEntry>();
  private sorted: string[] = [];
  private recent: string[] = [];
  private stale = 0;

  /** Texts placed by a batch of checks, added to `recent` in one sort at its end (see {@link checkMany}). */
  private batch: string[] | undefined;

  private place(id: string, entry: DueEntry, text: string | undefined): void {
    if (entry.text === text) return;
    if (entry.text !== undefined) this.stale++;
    entry.text = text;
    if (text === undefined) return;
    if (this.batch !== undefined) {
      this.batch.push(text);
      return;
    }
    this.recent.splice(upperBound(this.recent, text), 0, text);
    if (this.recent.length > 1024 && this.recent.length * 8 > this.sorted.length) this.merge();
  }

  private merge(): void {
    const all = this.sorted.concat(this.recent).filter((text) => this.current(text));
    all.sort();
    // A text moved away and back is in both arrays: keep it once.
    this.sorted = all.filter((text, i) => i === 0 || all[i - 1] !== text);
    this.recent = [];
    this.stale = 0;
  }

  /** Whether a sort text is still the entry's own. */
  private current(text: string): boolean {
    return this.entries.get(text.slice(text.indexOf('\u0000') + 1))?.text === text;
  }

  /** Touches a negativation of `customerId` (a new one, or one written, is due). */
  touch(id: string, customerId: string): void {
    let entry = this.entries.get(id);
    if (entry === undefined) {
      entry = { customerId, touched: 0, text: undefined, bucket: undefined };
      this.entries.set(id, entry);
    }
    entry.touched++;
    this.place(id, entry, sortText(WRITTEN, id));
  }

  /**
   * Applies checks as {@link check} does; a large batch (a day's waits moved
   * to their due days) is added to the recent texts in one sort instead of one
   * sorted insertion each.
   */
  checkMany(checks: Iterable<NegativationCheck>, count: number): void {
    if (count < 64) {
      for (const check of checks) this.check(check);
      return;
    }
    this.batch = [];
    try {
      for (const check of checks) this.check(check);
      if (this.batch.length > 0) {
        this.recent = this.recent.concat(this.batch);
        this.recent.sort();
      }
    } finally {
      this.batch = undefined;
    }
    if (this.recent.length > 1024 && this.recent.length * 8 > this.sorted.length) this.merge();
  }

  /** Applies a check when nothing touched the negativation since it was read. */
  check(check: NegativationCheck): void {
    const entry = this.entries.get(check.id);
    if (entry === undefined || entry.touched !== check.touched) return;
    this.place(check.id, entry, check.dueOn === undefined ? undefined : sortText({ written: false, dueOn: check.dueOn }, check.id));
  }

  /** {@link NegativationDueIndex.due} on the committed state; `read` gives the committed records. */
  due(today: CivilDate, limit: number, after: { readonly key: NegativationDueKey; readonly id: string } | undefined, share: { readonly index: number; readonly count: number } | undefined, read: (id: string) => NegativationRecord | undefined): DueNegativation[] {
    if (this.stale > 1024 && this.stale * 2 > this.sorted.length) this.merge();
    const end = `1${today}\u0001`;
    const from = after === undefined ? '' : sortText(after.key, after.id);
    const out: DueNegativation[] = [];
    let i = from === '' ? 0 : upperBound(this.sorted, from);
    let j = from === '' ? 0 : upperBound(this.recent, from);
    let last = from;
    while (out.length < limit) {
      const a = this.sorted[i];
      const b = this.recent[j];
      let text: string;
      if (b === undefined || (a !== undefined && a <= b)) {
        if (a === undefined) break;
        text = a;
        i++;
      } else {
        text = b;
        j++;
      }
      if (text >= end) break;
      // A text moved away and back is in the arrays more than once: it is read once.
      if (text === last || !this.current(text)) continue;
      last = text;
      const id = text.slice(text.indexOf('\u0000') + 1);
      const entry = this.entries.get(id) as DueEntry;
      if (share !== undefined && share.count > 1) {
        entry.bucket ??= shareBucket(entry.customerId);
        if (entry.bucket % share.count !== share.index) continue;
      }
      const record = read(id);
      if (record === undefined) continue;
      out.push({ record, key: keyOf(text), touched: entry.touched });
    }
    return out;
  }
}

/** A transaction's view: `due` reads the committed state; checks are staged and applied at commit, before the transaction's touches. */
export class TransactionalNegativationDue {
  private readonly checks = new Map<string, NegativationCheck>();

  constructor(
    private readonly committed: CommittedNegativationDue,
    private readonly read: (id: string) => NegativationRecord | undefined,
  ) {}

  /** The port's view. */
  view(): NegativationDueIndex {
    return {
      due: async (today, query) => this.committed.due(today, query.limit, query.after, query.share, this.read),
      checked: async (checks) => {
        for (const check of checks) this.checks.set(check.id, check);
      },
    };
  }

  /** Applies the checks, then touches every negativation of the customers this transaction wrote to (`negativationsOf` reads them once committed). */
  commit(customers: ReadonlySet<string>, negativationsOf: (customerId: string) => Iterable<string>): void {
    this.committed.checkMany(this.checks.values(), this.checks.size);
    for (const customerId of customers) for (const id of negativationsOf(customerId)) this.committed.touch(id, customerId);
  }
}
