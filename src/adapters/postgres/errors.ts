/**
 * Thrown when a value cannot be stored as it is: a field of the wrong type
 * (text in a money field), an impossible date, a NUL byte PostgreSQL refuses in
 * text. Nothing of the transaction is written. The message names the
 * collection, record and field, never the value (it may be personal data).
 */
export class UnstorableValueError extends Error {
  /** Always `'UnstorableValueError'` (how `isUnstorableValue` recognises it across package copies). */
  override readonly name = 'UnstorableValueError';
  /** Stable code, as on every cobranca error. */
  readonly code = 'unstorable_value';
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super(`${collection} ${id}${field === undefined ? '' : ` field ${field}`}: ${reason}`);
  }
}

/**
 * Whether an error is an {@link UnstorableValueError} (also across package copies).
 * @example
 * ```ts no-run
 * import { createPostgresStore, isUnstorableValue, openPglite } from 'cobranca/adapters/postgres';
 *
 * const store = await createPostgresStore({ driver: await openPglite() });
 * try {
 *   // A value PostgreSQL cannot store (a NUL character in a text) is refused, naming the record and the field.
 *   await store.transaction((tx) => tx.customers.insert({ id: 'c-1', version: 1, name: 'Maria\u0000Souza', taxId: '52998224725', kind: 'person' }));
 * } catch (error) {
 *   if (isUnstorableValue(error)) console.log(error.message);
 * }
 * ```
 */
export function isUnstorableValue(error: unknown): error is UnstorableValueError {
  return error instanceof Error && error.name === 'UnstorableValueError';
}

/**
 * Runs a statement that writes a record's values; a data error from PostgreSQL
 * (SQLSTATE class 22: bad encoding such as a NUL byte, value out of range, a
 * NOT NULL or CHECK refusal) becomes an {@link UnstorableValueError} naming the
 * record but not the value.
 */
export async function writing<T>(collection: string, id: string, statement: () => Promise<T>): Promise<T> {
  try {
    return await statement();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('22') || code === '23502' || code === '23514')) {
      throw new UnstorableValueError(collection, id, undefined, `the database refused a value (SQLSTATE ${code})`);
    }
    throw error;
  }
}
