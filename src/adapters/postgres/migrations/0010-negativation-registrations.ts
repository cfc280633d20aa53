/**
 * Version 10: each negativation's registration day and removal day in
 * columns of their own (`registered_on`, `removed_on`: the body's
 * `negativation.registeredOn` and `negativation.removal.confirmedOn`, as text,
 * kept by PostgreSQL from the body on every write, whoever writes it), so the
 * classification reads a page's registrations (`StoreTransaction.registrations`)
 * without reading or parsing any body. Adding stored generated columns
 * rewrites the table once.
 */
export const negativationRegistrations = (s: string): string => `
ALTER TABLE ${s}.negativations
  ADD COLUMN registered_on text GENERATED ALWAYS AS (body #>> '{negativation,registeredOn}') STORED,
  ADD COLUMN removed_on text GENERATED ALWAYS AS (body #>> '{negativation,removal,confirmedOn}') STORED;
`;
