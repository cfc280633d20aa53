import type { CivilDate } from '../../calendar/index.js';
import type { NegativationRegistration, RegistrationIndex } from '../../ports/registrations.js';
import type { SqlSession } from './driver.js';

/** The statement of {@link sqlRegistrations} for schema `s` (already quoted), built once per store. */
export function registrationsStatement(s: string): string {
  // The invoice index (invoice_id, id) finds a page's rows; only the two day columns (migration 10) are read, never the body.
  return `SELECT id, invoice_id, registered_on, removed_on FROM ${s}.negativations
    WHERE invoice_id = ANY($1::text[]) AND registered_on IS NOT NULL ORDER BY id`;
}

interface RegistrationRow {
  readonly id: string;
  readonly invoice_id: string;
  readonly registered_on: string;
  readonly removed_on: string | null;
}

/**
 * The registration index on the negativations' day columns (migration 10),
 * inside one transaction's session: one statement per call, sent after the
 * transaction's held writes (pass the flushing session), so it reads them.
 */
export function sqlRegistrations(sql: SqlSession, statement: string): RegistrationIndex {
  return {
    forInvoices: async (invoiceIds): Promise<NegativationRegistration[]> => {
      if (invoiceIds.length === 0) return [];
      const { rows } = await sql.query<RegistrationRow>(statement, [invoiceIds]);
      const registrations: NegativationRegistration[] = [];
      for (const row of rows) {
        const registration: { -readonly [K in keyof NegativationRegistration]: NegativationRegistration[K] } = { id: row.id, invoiceId: row.invoice_id, registeredOn: row.registered_on as CivilDate };
        if (row.removed_on !== null) registration.removedOn = row.removed_on as CivilDate;
        registrations.push(registration);
      }
      return registrations;
    },
  };
}
