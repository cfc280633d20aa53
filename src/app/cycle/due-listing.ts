import type { DueNegativationEntry, NegativationDueKey } from '../../ports/index.js';

/** One page of the listing as the index gave it: the ids end to end, where each ends, each touch count and key (an index into the listing's keys). */
interface Chunk {
  readonly ids: string;
  readonly ends: Uint32Array;
  readonly touched: Float64Array;
  readonly keys: Uint32Array;
}

/**
 * The negativation due index's entries a cycle pass lists before it works on
 * any page (see `negativationPages`), held compactly: a pass lists every
 * negativation due in its share (after a first run, most of the share's
 * registrations), and an entry object with its own key object and id string
 * is ~180 bytes of live heap, which the garbage collector multiplies into
 * resident memory. Here a page of entries is one string of its ids end to
 * end, their ends, touch counts and keys in typed arrays, and each distinct
 * key one shared object: ~40 bytes an entry. {@link DueListing.slice} gives
 * the entries back, equal field by field and in order.
 */
export class DueListing {
  private readonly chunks: Chunk[] = [];
  private readonly starts: number[] = [];
  private readonly keys: NegativationDueKey[] = [];
  private readonly keyIndex = new Map<string, number>();
  private total = 0;

  /** How many entries are listed. */
  get length(): number {
    return this.total;
  }

  /** Lists a page of entries after the ones listed so far. */
  push(entries: readonly DueNegativationEntry[]): void {
    if (entries.length === 0) return;
    const ends = new Uint32Array(entries.length);
    const touched = new Float64Array(entries.length);
    const keys = new Uint32Array(entries.length);
    const ids: string[] = [];
    let end = 0;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as DueNegativationEntry;
      ids.push(entry.id);
      end += entry.id.length;
      ends[i] = end;
      touched[i] = entry.touched;
      keys[i] = this.keyOf(entry.key);
    }
    this.starts.push(this.total);
    // `join` builds one flat string (a `+=` chain would keep a node per id until it is read).
    this.chunks.push({ ids: ids.join(''), ends, touched, keys });
    this.total += entries.length;
  }

  /** The entries from `start` (inclusive) to `end` (exclusive), in listing order. */
  slice(start: number, end: number): DueNegativationEntry[] {
    const out: DueNegativationEntry[] = [];
    const to = Math.min(end, this.total);
    for (let c = this.chunkAt(start); c < this.chunks.length && out.length < to - start; c++) {
      const chunk = this.chunks[c] as Chunk;
      const first = this.starts[c] as number;
      for (let i = Math.max(0, start - first); i < chunk.ends.length && first + i < to; i++) {
        const from = i === 0 ? 0 : (chunk.ends[i - 1] as number);
        out.push({ id: chunk.ids.slice(from, chunk.ends[i] as number), key: this.keys[chunk.keys[i] as number] as NegativationDueKey, touched: chunk.touched[i] as number });
      }
    }
    return out;
  }

  /** The chunk holding entry `index` (the last one starting at or before it). */
  private chunkAt(index: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The index of a key equal to `key` in the listing's shared keys (added when new). */
  private keyOf(key: NegativationDueKey): number {
    const text = key.written ? '' : key.dueOn;
    let index = this.keyIndex.get(text);
    if (index === undefined) {
      index = this.keys.length;
      this.keys.push(key.written ? { written: true } : { written: false, dueOn: key.dueOn });
      this.keyIndex.set(text, index);
    }
    return index;
  }
}
