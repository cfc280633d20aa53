/**
 * The ids of the pending outbox effects in enqueue order, with a seek past a
 * cursor by binary search: a pass that claims batch after batch starts each
 * batch where the last one stopped instead of rescanning from the head. Ids
 * that stop being pending are dropped lazily (skipped when met, pruned when
 * they outnumber the live ones).
 */
export class PendingQueue {
  private ids: string[] = [];
  private readonly live = new Set<string>();
  private sorted = true;

  /** `orderOf` gives an effect's enqueue position (fixed once enqueued). */
  constructor(private readonly orderOf: (id: string) => number) {}

  /** Whether the effect is pending. */
  has(id: string): boolean {
    return this.live.has(id);
  }

  /** How many effects are pending. */
  get size(): number {
    return this.live.size;
  }

  /** Marks an effect pending (an effect enqueued now, or one pending again). */
  add(id: string): void {
    if (this.live.has(id)) return;
    this.live.add(id);
    const last = this.ids[this.ids.length - 1];
    if (last === id) return;
    if (last !== undefined && this.orderOf(last) > this.orderOf(id)) this.sorted = false;
    this.ids.push(id);
  }

  /** Marks an effect no longer pending. */
  delete(id: string): void {
    if (!this.live.delete(id)) return;
    if (this.ids.length > 2 * this.live.size + 1024) this.prune();
  }

  /** The pending ids enqueued after position `order` (-1: all), in enqueue order. */
  *after(order: number): Generator<string> {
    if (!this.sorted) this.prune();
    const ids = this.ids;
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.orderOf(ids[mid] as string) <= order) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ids.length; i++) {
      const id = ids[i] as string;
      if (this.live.has(id)) yield id;
    }
  }

  private prune(): void {
    this.ids = [...this.live].sort((a, b) => this.orderOf(a) - this.orderOf(b));
    this.sorted = true;
  }
}
