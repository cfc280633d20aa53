/**
 * Version 5: pending effects indexed by kind, so a claim for the kinds a worker
 * performs reads only those (a range per kind, merged in enqueue order) and
 * never walks past effects that wait for the host.
 */
export const outboxByKind = (s: string): string => `
CREATE INDEX outbox_pending_kind ON ${s}.outbox (kind, seq) WHERE status = 'pending';
`;
