/** Version 2: effects claimed by a worker for a lease (owner and expiry), and the `cancelled` status. */
export const outboxClaims = (s: string): string => `
ALTER TABLE ${s}.outbox ADD COLUMN claimed_by text, ADD COLUMN claimed_until timestamptz;

ALTER TABLE ${s}.outbox DROP CONSTRAINT outbox_status_check;

ALTER TABLE ${s}.outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'done', 'failed', 'cancelled'));
`;
