import type { CivilDate } from '../../calendar/index.js';
import type { DueNegativation, NegativationCheck, NegativationDueIndex, NegativationDueKey } from '../../ports/negativation-due.js';
import type { NegativationRecord } from '../../ports/records.js';
import { shareBucket } from '../../ports/share.js';

/** One negativation's place in the index. */
interface DueEntry {
  readonly id: string;
  readonly customerId: string;
  /** Committed touches so far. */
  touched: number;
  /** Its current place in the sorted arrays, or `undefined` when only a write makes it due. */
  slot: DueSlot | undefined;
  /** Its share bucket, computed the first time a share asks. */
  bucket: number | undefined;
}

/** A place in the sorted arrays: a sort text and its entry. A slot is current while its entry still points at it (no text parsed, no look-up, to tell). */
interface DueSlot {
  /** The sort text (see {@link sortText}). */
  readonly text: string;
  readonly entry: DueEntry;
}

/** Sort-text order of slots. */
const byText = (a: DueSlot, b: DueSlot): number => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/** The index of the first slot whose text is greater than `text` in a sorted array. */
function above(sorted: readonly DueSlot[], text: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as DueSlot).text <= text) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a slot is still its entry's place. */
const current = (slot: DueSlot): boolean => slot.entry.slot === slot;

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
 * its touch count and place (a slot: sort text and entry); the slots kept in a
 * sorted array plus a small array of recent additions (appended, sorted when
 * next read; merged into the first when it grows), with slots an entry moved away from skipped when read
 * and dropped at the next merge. So `due` reads only the due entries, and a
 * touch or a check costs a binary search, not a sort of the whole index.
 */
export class CommittedNegativationDue {
  private readonly entries = new Map<string, DueEntry>();
  private sorted: DueSlot[] = [];
  private recent: DueSlot[] = [];
  /** Whether `recent` is in text order: a touch appends (no sorted insertion, which cost O(recent) per touch); the next read or merge sorts it once. */
  private recentSorted = true;
  private stale = 0;

  /** Slots placed by a batch of checks, added to `recent` in one sort at its end (see {@link checkMany}). */
  private batch: DueSlot[] | undefined;

  private place(entry: DueEntry, text: string | undefined): void {
    if (entry.slot?.text === text) return;
    if (entry.slot !== undefined) this.stale++;
    if (text === undefined) {
      entry.slot = undefined;
      return;
    }
    const slot: DueSlot = { text, entry };
    entry.slot = slot;
    if (this.batch !== undefined) {
      this.batch.push(slot);
      return;
    }
    const last = this.recent[this.recent.length - 1];
    if (last !== undefined && last.text > text) this.recentSorted = false;
    this.recent.push(slot);
    if (this.recent.length > 1024 && this.recent.length * 8 > this.sorted.length) this.merge();
  }

  private merge(): void {
    // A slot an entry moved away from (even back to the same text: that is a new slot) is dropped here.
    this.sorted = this.sorted.concat(this.recent).filter(current).sort(byText);
    this.recent = [];
    this.recentSorted = true;
    this.stale = 0;
  }

  /** Touches a negativation of `customerId` (a new one, or one written, is due). */
  touch(id: string, customerId: string): void {
    let entry = this.entries.get(id);
    if (entry === undefined) {
      entry = { id, customerId, touched: 0, slot: undefined, bucket: undefined };
      this.entries.set(id, entry);
    }
    entry.touched++;
    // Already placed as written (a negativation touched again before its check): no text built.
    if (entry.slot !== undefined && entry.slot.text.startsWith('0')) return;
    this.place(entry, sortText(WRITTEN, id));
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
        this.recent = this.recent.concat(this.batch).sort(byText);
        this.recentSorted = true;
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
    this.place(entry, check.dueOn === undefined ? undefined : sortText({ written: false, dueOn: check.dueOn }, check.id));
  }

  /** {@link NegativationDueIndex.due} on the committed state; `read` gives the committed records. */
  due(today: CivilDate, limit: number, after: { readonly key: NegativationDueKey; readonly id: string } | undefined, share: { readonly index: number; readonly count: number } | undefined, read: (id: string) => NegativationRecord | undefined): DueNegativation[] {
    if (this.stale > 1024 && this.stale * 2 > this.sorted.length) this.merge();
    else if (!this.recentSorted) {
      this.recent.sort(byText);
      this.recentSorted = true;
    }
    const end = `1${today}\u0001`;
    const from = after === undefined ? '' : sortText(after.key, after.id);
    const out: DueNegativation[] = [];
    let i = from === '' ? 0 : above(this.sorted, from);
    let j = from === '' ? 0 : above(this.recent, from);
    while (out.length < limit) {
      const a = this.sorted[i];
      const b = this.recent[j];
      let slot: DueSlot;
      if (b === undefined || (a !== undefined && a.text <= b.text)) {
        if (a === undefined) break;
        slot = a;
        i++;
      } else {
        slot = b;
        j++;
      }
      if (slot.text >= end) break;
      // Only an entry's current slot is read: one it moved away from (or back to, a new slot) is skipped.
      if (!current(slot)) continue;
      const { entry, text } = slot;
      const { id } = entry;
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
