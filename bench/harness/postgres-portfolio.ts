/**
 * What the PostgreSQL benches share: a portfolio bulk-loaded with SQL, the
 * daily cycle's app over a store, and a driver that counts the statements it
 * runs (by verb and table), so a bench can print round trips per invoice.
 */
import type { SqlDriver, SqlResult, SqlSession } from '../../src/adapters/postgres/index.js';
import type { BureauGateway, Notifier } from '../../src/ports/index.js';
import type { BuiltEntries } from './built.js';
import { exampleSpec } from '../../test/ruler/fixtures.js';

/** The first day of the bench (everything due) and the next one (a steady day: about one invoice in twenty has a step due). */
export const FIRST_DAY = '2026-11-24';
export const STEADY_DAY = '2026-11-25';

/** The entries of the package a bench runs the cycle with (the built ones; a development check may pass the sources). */
export type CycleEntries = Pick<BuiltEntries, 'root' | 'postgres' | 'testing'>;

/** Bulk-loads `size` invoices (two per customer; due dates spread over 80 days, one in seven paid) into a fresh schema. */
export async function seedPortfolio(entries: CycleEntries, driver: SqlDriver, schema: string, size: number): Promise<void> {
  await driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await entries.postgres.migrate(driver, { schema });
  const s = `"${schema}"`;
  const address = JSON.stringify({ address: { street: 'Rua A', number: '1', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' } });
  await driver.query(
    `INSERT INTO ${s}.customers (id, version, name, tax_id, kind, email, phone, body)
     SELECT 'c' || lpad(g::text, 8, '0'), 1, 'Cliente ' || g, '12345678909', CASE WHEN g % 5 = 0 THEN 'company' ELSE 'person' END, 'c' || g || '@example.com', '+5511999990000', $2::jsonb
     FROM generate_series(0, $1::int - 1) AS g`,
    [Math.ceil(size / 2), address],
  );
  await driver.query(
    `INSERT INTO ${s}.invoices (id, version, customer_id, amount_cents, due_date, status, paid_cents, paid_on, body)
     SELECT 'i' || lpad(n::text, 9, '0'), 1, 'c' || lpad((n / 2)::text, 8, '0'), 5000 + n % 90000, date '${FIRST_DAY}' + (n % 80 - 70),
            CASE WHEN n % 7 = 0 THEN 'paid' ELSE 'open' END, CASE WHEN n % 7 = 0 THEN 5000 + n % 90000 ELSE 0 END,
            CASE WHEN n % 7 = 0 THEN date '${FIRST_DAY}' + (n % 80 - 70) END, '{}'::jsonb
     FROM generate_series(0, $1::int - 1) AS n`,
    [size],
  );
  await driver.query(`ANALYZE ${s}.invoices`).catch(() => undefined);
}

/** What one worker's cycle did: its time, peak RSS and the counts that must be equal whatever the number of workers. */
export interface WorkerResult {
  readonly seconds: number;
  readonly rssMb: number;
  readonly actions: number;
  readonly performed: number;
}

/** A notifier that accepts every message and keeps none (the testing fakes keep all they sent: memory that grows with the portfolio). */
const forgetfulNotifier: Notifier = { send: async (message) => ({ messageId: `msg-${message.key}` }) };

/** A bureau that accepts every request and keeps none (see {@link forgetfulNotifier}). */
const forgetfulBureau: BureauGateway = {
  register: async (request) => ({ outcome: 'accepted', protocol: `proto-${request.negativationId}` }),
  remove: async (request) => ({ outcome: 'accepted', protocol: `removal-${request.negativationId}` }),
  queryStatus: async (request) => ({ negativationId: request.negativationId, status: 'registered', at: new Date(0).toISOString() }),
  parseWebhook: () => { throw new Error('the bench receives no webhooks'); },
};

/** Runs one day's cycle on the store in `schema` as worker `index` of `count`. */
export async function runCycle(entries: CycleEntries, driver: SqlDriver, schema: string, day: string, index: number, count: number): Promise<WorkerResult> {
  const { createCollections, brazilianCalendar } = entries.root;
  const { manualClock, staticRates } = entries.testing;
  let n = 0;
  const app = createCollections({
    store: new entries.postgres.PostgresStore({ driver, schema }), clock: manualClock(`${day}T10:00:00-03:00`), notifier: forgetfulNotifier, bureau: forgetfulBureau, rates: staticRates(), calendar: brazilianCalendar(),
    ids: { next: (prefix) => `w${index}-${day}-${prefix}-${++n}` },
    creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' },
    ruler: exampleSpec,
    settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 } },
    lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
  });
  if (app.isErr()) throw new Error(app.error.message);
  const start = performance.now();
  const report = await app.value.runDailyCycle(count === 1 ? {} : { worker: { index, count } });
  const seconds = (performance.now() - start) / 1000;
  if (report.isErr()) throw new Error(report.error.message);
  return { seconds, rssMb: Math.round(process.resourceUsage().maxRSS / 1024), actions: report.value.ruler.totals.done, performed: report.value.effects.performed };
}

/** Statements run, by `VERB table` (BEGIN/COMMIT included). */
export type StatementCounts = Map<string, number>;

function kindOf(text: string): string {
  const verb = /^\s*(?:WITH\b[\s\S]*?\)\s*)?(\w+)/i.exec(text)?.[1]?.toUpperCase() ?? '?';
  const table = /\b(?:FROM|INTO|UPDATE)\s+(?:"[^"]+"\.)?(\w+)/i.exec(text)?.[1] ?? '';
  return `${verb} ${table}`.trim();
}

/** A driver that counts every statement it (and its transactions) run into `counts`. */
export function countingDriver(driver: SqlDriver, counts: StatementCounts): SqlDriver {
  const count = (text: string): void => {
    const kind = kindOf(text);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  };
  const counted = (session: SqlSession): SqlSession => ({
    query: <Row>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>> => {
      count(text);
      return session.query<Row>(text, params);
    },
  });
  return {
    ...counted(driver),
    transaction: (work) => {
      count('BEGIN');
      return driver.transaction((session) => work(counted(session)));
    },
    close: () => driver.close(),
  };
}
