import type { SqlResult, SqlSession } from './driver.js';

/** The most writes one holder keeps before it sends them (a bound on one statement's size and on memory). */
export const HELD_WRITES_LIMIT = 5_000;

/** Something holding writes of one transaction not yet sent: {@link WriteBehind.flush} sends them. */
export interface HeldWrites {
  /** Sends the writes held so far (one statement per kind of write, whatever their number) and forgets them. */
  write(): Promise<void>;
}

/**
 * The writes one transaction holds back, so a page whose records each call
 * `insert` or `update` sends them as a few multi-row statements instead of one
 * round trip each. A holder (a table's collection) registers when it holds a
 * write; it is flushed before a read its writes could change, and everything is
 * flushed before a statement that reads what triggers write (the wake and
 * negativation-due indexes) and before COMMIT.
 *
 * A flush that fails (a version conflict, a refused value) dooms the
 * transaction: every later statement of it, and its end, rejects with that
 * error, even when a caller caught it, so nothing of the transaction commits.
 */
export class WriteBehind {
  private readonly held = new Set<HeldWrites>();
  private failure: { readonly error: unknown } | undefined;
  /** The transaction's session, refusing every statement once a flush failed. */
  readonly session: SqlSession;
  /** {@link session}, flushing every held write before each statement (for the tables triggers write). */
  readonly flushingSession: SqlSession;

  constructor(sql: SqlSession) {
    this.session = {
      query: <Row>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>> => {
        if (this.failure !== undefined) return Promise.reject(this.failure.error);
        return sql.query<Row>(text, params);
      },
    };
    this.flushingSession = {
      query: async <Row>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>> => {
        await this.flushAll();
        return this.session.query<Row>(text, params);
      },
    };
  }

  /** Notes that `holder` holds writes (call it with each held write; it is flushed once). */
  hold(holder: HeldWrites): void {
    this.held.add(holder);
  }

  /** Sends what `holder` holds, if anything; a failure dooms the transaction and rejects. */
  async flush(holder: HeldWrites): Promise<void> {
    if (this.failure !== undefined) throw this.failure.error;
    if (!this.held.delete(holder)) return;
    try {
      await holder.write();
    } catch (error) {
      this.failure ??= { error };
      throw error;
    }
  }

  /** Sends every held write, the holders' statements issued together in the order they first held a write. */
  async flushAll(): Promise<void> {
    if (this.failure !== undefined) throw this.failure.error;
    if (this.held.size === 0) return;
    const flushes = [...this.held].map((holder) => this.flush(holder));
    // Wait for all of them (a rejected one must not leave another unobserved), then report the first failure.
    const results = await Promise.allSettled(flushes);
    for (const result of results) if (result.status === 'rejected') throw result.reason;
  }
}
