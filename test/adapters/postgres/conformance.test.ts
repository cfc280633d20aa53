import { describe, it } from 'vitest';
import { describeStoreConformance } from '../../../src/testing/index.js';
import { pgliteDatabase, SERVER_SKIP_REASON, SERVER_URL, serverDatabase } from './databases.js';

const pglite = pgliteDatabase();
describeStoreConformance('PostgresStore on PGlite', () => pglite.freshStore(), { describe, it });

if (SERVER_URL !== undefined) {
  const server = serverDatabase();
  describeStoreConformance('PostgresStore on a PostgreSQL server', () => server.freshStore(), { describe, it });
} else {
  describe.skip(`store conformance: PostgresStore on a PostgreSQL server (${SERVER_SKIP_REASON})`, () => {
    it('runs the conformance suite on the server', () => undefined);
  });
}
