/** Version 3: the protests collection (Lei 9.492/1997), laid out like negativations. */
export function protests(s: string): string {
  return `
CREATE TABLE ${s}.protests (
  id text COLLATE "C" PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  customer_id text NOT NULL,
  invoice_id text NOT NULL,
  unique_key text NOT NULL,
  status text NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX protests_invoice ON ${s}.protests (invoice_id, id);
CREATE INDEX protests_customer ON ${s}.protests (customer_id, id);
CREATE INDEX protests_unique_key ON ${s}.protests (unique_key);
`;
}
