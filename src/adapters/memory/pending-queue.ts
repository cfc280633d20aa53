/** What a {@link PendingQueue} holds: an entry with a fixed enqueue position. */
export interface Queued {
  /** Its enqueue position (fixed once enqueued). */
  readonly order: number;
}

/**
 * The pending outbox effects in enqueue order, with a seek past a cursor by
 * binary search: a pass that claims batch after batch starts each batch where
 * the last one stopped instead of rescanning from the head. It holds the
 * entries themselves (no id to look up per read) and no set of the live ones:
 * the owner says when an entry becomes pending ({@link PendingQueue.add}) and
 * when it stops ({@link PendingQueue.delete}), and `isPending` tells, when
 * read, whether an entry met is still pending. Entries that stopped are
 * dropped lazily (skipped when met, pruned when they outnumber the live ones).
 */
export class PendingQueue<T extends Queued> {
  private entries: T[] = [];
  private live = 0;
  private sorted = true;

  /** `isPending` answers whether an entry is pending now. */
  constructor(private readonly isPending: (entry: T) => boolean) {}

  /** How many entries are pending. */
  get size(): number {
    return this.live;
  }

  /** Records that `entry` became pending (a new one, or one pending again); the caller calls it only when it was not pending. */
  add(entry: T): void {
    this.live++;
    const last = this.entries[this.entries.length - 1];
    if (last === entry) return;
    // An entry re-added while an older copy is still held, or added out of order: sorted and deduplicated on the next read.
    if (last !== undefined && last.order >= entry.order) this.sorted = false;
    this.entries.push(entry);
  }

  /** Records that an entry stopped being pending; the caller calls it only when it was pending. */
  delete(): void {
    this.live--;
    if (this.entries.length > 2 * this.live + 1024) this.prune();
  }

  /** The pending entries enqueued after position `order` (-1: all), in enqueue order. */
  *after(order: number): Generator<T> {
    if (!this.sorted) this.prune();
    const { entries } = this;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((entries[mid] as T).order <= order) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < entries.length; i++) {
      const entry = entries[i] as T;
      if (this.isPending(entry)) yield entry;
    }
  }

  /** Keeps the pending entries only, once each, in enqueue order. */
  private prune(): void {
    const kept = this.entries.filter(this.isPending);
    if (!this.sorted) kept.sort((a, b) => a.order - b.order);
    this.entries = kept.filter((entry, i) => i === 0 || kept[i - 1] !== entry);
    this.sorted = true;
  }
}
