import { assert, describe, it } from 'vitest';
import { pgDriver, statementName, type PgClientLike, type PgPoolLike } from '../../../src/adapters/postgres/pg-driver.js';

/** A pool that answers every query with no rows and keeps the name each was sent under (`undefined`: unnamed). */
function recordingPool(): { pool: PgPoolLike; sent: { text: string; name: string | undefined }[] } {
  const sent: { text: string; name: string | undefined }[] = [];
  const query: PgClientLike['query'] = async (config) => {
    sent.push({ text: config.text, name: config.name });
    return { rows: [], rowCount: 0 };
  };
  const client: PgClientLike = { query, release: () => undefined };
  return { pool: { query, connect: async () => client, end: async () => undefined }, sent };
}

describe('pgDriver: parameterised statements are prepared under a name', () => {
  it('one text has one name, two texts two names, a statement without parameters none; names fit an identifier', () => {
    const a = statementName('SELECT 1 FROM t WHERE id = $1', ['x']);
    assert.equal(statementName('SELECT 1 FROM t WHERE id = $1', ['y']), a);
    assert.notEqual(statementName('SELECT 1 FROM t WHERE id = $2', ['x']), a);
    assert.isUndefined(statementName('BEGIN', []));
    assert.isAtMost(a?.length ?? 99, 63);
  });

  it('sends the store’s statements named, BEGIN and COMMIT unnamed; with preparedStatements: false, all unnamed', async () => {
    for (const preparedStatements of [undefined, false]) {
      const { pool, sent } = recordingPool();
      const driver = pgDriver(pool, preparedStatements === undefined ? {} : { preparedStatements });
      await driver.query('SELECT 1 FROM t WHERE id = $1', ['a']);
      await driver.transaction((sql) => sql.query('UPDATE t SET v = $2 WHERE id = $1', ['a', 1]));
      const named = sent.filter((s) => s.name !== undefined).map((s) => s.text);
      assert.deepEqual(sent.map((s) => s.text), ['SELECT 1 FROM t WHERE id = $1', 'BEGIN', 'UPDATE t SET v = $2 WHERE id = $1', 'COMMIT']);
      assert.deepEqual(named, preparedStatements === false ? [] : ['SELECT 1 FROM t WHERE id = $1', 'UPDATE t SET v = $2 WHERE id = $1']);
    }
  });
});
