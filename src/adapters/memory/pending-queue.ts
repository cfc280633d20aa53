/**
 * The ids of the pending outbox effects in enqueue order, with a seek past a
 * cursor by binary search: a pass that claims batch after batch starts each
 * batch where the last one stopped instead of rescanning from the head. Ids
 * that stop being pending are dropped lazily (skipped when met, pruned when
 * they outnumber the live ones). Each id's position is kept beside it, so a
 * seek and an append read no map.
 */
export class PendingQueue {
  private ids: string[] = [];
  /** The enqueue position of `ids[i]`, at the same index. */
  private orders: number[] = [];
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

  /** Marks an effect pending (an effect enqueued now, or one pending again); `order` is its enqueue position when the caller knows it (else `orderOf` is asked). */
  add(id: string, order: number = this.orderOf(id)): void {
    if (this.live.has(id)) return;
    this.live.add(id);
    const last = this.ids.length - 1;
    if (last >= 0 && this.ids[last] === id) return;
    if (last >= 0 && (this.orders[last] as number) > order) this.sorted = false;
    this.ids.push(id);
    this.orders.push(order);
  }

  /** Marks an effect no longer pending. */
  delete(id: string): void {
    if (!this.live.delete(id)) return;
    if (this.ids.length > 2 * this.live.size + 1024) this.prune();
  }

  /** The pending ids enqueued after position `order` (-1: all), in enqueue order. */
  *after(order: number): Generator<string> {
    if (!this.sorted) this.prune();
    const { ids, orders } = this;
    let lo = 0;
    let hi = orders.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((orders[mid] as number) <= order) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ids.length; i++) {
      const id = ids[i] as string;
      if (this.live.has(id)) yield id;
    }
  }

  private prune(): void {
    const entries = [...this.live].map((id) => ({ id, order: this.orderOf(id) })).sort((a, b) => a.order - b.order);
    this.ids = entries.map((entry) => entry.id);
    this.orders = entries.map((entry) => entry.order);
    this.sorted = true;
  }
}
