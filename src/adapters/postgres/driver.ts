/**
 * The little the PostgreSQL store needs from a database client: parameterised
 * queries, and a transaction on one connection. `pgDriver` (a server through
 * `pg`'s `Pool`) and `pgliteDriver` (embedded PGlite) implement it; a host may
 * write its own for another client.
 */

/** Rows of one statement, with the number of rows it wrote or returned. */
export interface SqlResult<Row> {
  /** The rows the statement returned (none for a write without `RETURNING`). */
  readonly rows: Row[];
  /** How many rows it wrote or returned. */
  readonly rowCount: number;
}

/** Something that runs one parameterised statement (`$1`, `$2` …); values are never spliced into the text. */
export interface SqlSession {
  /** Runs one parameterised statement (`$1`, `$2` …) and resolves with its rows; rejects with the database's error. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
}

/** A database the store can use: statements outside a transaction, and transactions on one connection. */
export interface SqlDriver extends SqlSession {
  /**
   * Runs `work` between `BEGIN` and `COMMIT` on one connection; rolls back and
   * rethrows when `work` throws. Statements of one transaction never interleave
   * with another's, and run in the order they were issued: a statement `work`
   * issued and did not wait for when it resolves runs before `COMMIT` (the store
   * sends its last audit insert so; when it fails, the `COMMIT` is a rollback).
   */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Releases the connections (or the embedded database) the driver owns. */
  close(): Promise<void>;
}

/** PostgreSQL type ids the store reads, and how it reads them. */
export const TYPE_OIDS = { bool: 16, int8: 20, int2: 21, int4: 23, text: 25, json: 114, date: 1082, timestamptz: 1184, jsonb: 3802 } as const;

/**
 * Turns PostgreSQL's text form of a value into JS, for the types the store
 * uses: `bigint` stays a BigInt (never a float), `date` stays its `YYYY-MM-DD`
 * text (never a UTC-midnight `Date`), `timestamptz` becomes an ISO instant
 * string, JSON is parsed; anything else stays text.
 */
export function parseSqlValue(oid: number, text: string): unknown {
  switch (oid) {
    case TYPE_OIDS.bool:
      return text === 't' || text === 'true';
    case TYPE_OIDS.int8:
      return BigInt(text);
    case TYPE_OIDS.int2:
    case TYPE_OIDS.int4:
      return Number(text);
    case TYPE_OIDS.json:
    case TYPE_OIDS.jsonb:
      return JSON.parse(text) as unknown;
    case TYPE_OIDS.timestamptz:
      return isoInstant(text);
    default:
      return text;
  }
}

/**
 * PostgreSQL's `timestamptz` text (`2026-11-24 10:00:00.123+00`, any offset,
 * up to microseconds) as `Date#toISOString` text. Microseconds are cut to
 * milliseconds (the store only writes milliseconds).
 */
export function isoInstant(text: string): string {
  const match = /^(\d{4,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?([+-]\d{2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(text);
  if (!match) return text;
  const [, year, month, day, hour, minute, second, fraction = '', offsetHours = '+00', offsetMinutes = '00', offsetSeconds = '00'] = match;
  const sign = offsetHours.startsWith('-') ? -1 : 1;
  const offsetMs = sign * ((Math.abs(Number(offsetHours)) * 60 + Number(offsetMinutes)) * 60 + Number(offsetSeconds)) * 1000;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(fraction.padEnd(3, '0').slice(0, 3)));
  return new Date(utc - offsetMs).toISOString();
}
