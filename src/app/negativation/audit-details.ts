import { maskDeep, maskPersonalData } from '../../documents/index.js';
import type { MaskedDetails } from '../audit.js';

/**
 * The history details of the negativation audit lines (a request, an event),
 * masked once by their shape for the two lines each writes (the
 * negativation's and its invoice's), instead of `maskDeep` walking each line's
 * details: every field as `maskDeep` makes it (the property test
 * `negativation-audit-details` proves both lines equal to `maskDeep` of the
 * details unmasked), the same keys in the same order.
 */
export interface NegativationAuditLines {
  /** The details of the line on the negativation. */
  readonly negativation: MaskedDetails;
  /** The details of the line on its invoice. */
  readonly invoice: MaskedDetails;
}

/** A field of the details as `maskDeep` makes it at the first level down: a text masked, anything else walked. */
function masked(value: unknown): unknown {
  return typeof value === 'string' ? maskPersonalData(value) : maskDeep(value, 1);
}

function asMasked(details: Readonly<Record<string, unknown>>): MaskedDetails {
  return details as MaskedDetails;
}

/**
 * The details of an event's two lines: `{ event, from, to, reason? }` on the negativation (`reason` when the event
 * gave one that is not empty), and the same with `negativationId` on its invoice.
 */
export function eventAuditDetails(event: { readonly type: string; readonly reason?: unknown }, from: string, to: string, negativationId: string): NegativationAuditLines {
  const type = masked(event.type);
  const was = masked(from);
  const now = masked(to);
  const id = masked(negativationId);
  if (event.reason) {
    const reason = masked(event.reason);
    return { negativation: asMasked({ event: type, from: was, to: now, reason }), invoice: asMasked({ event: type, from: was, to: now, reason, negativationId: id }) };
  }
  return { negativation: asMasked({ event: type, from: was, to: now }), invoice: asMasked({ event: type, from: was, to: now, negativationId: id }) };
}

/**
 * The details of a request's two lines: why it was made (`why`: origin, authorization, the bureau chosen and
 * where from, the registration of several titles) with `invoiceId` on the negativation, and with
 * `negativationId` on its invoice. `why` is masked once, key by key in its own order; the two lines share its
 * masked parts (fresh copies, none of the caller's objects).
 */
export function requestAuditDetails(why: Readonly<Record<string, unknown>>, invoiceId: string, negativationId: string): NegativationAuditLines {
  const shared: Record<string, unknown> = {};
  for (const key in why) if (Object.hasOwn(why, key)) shared[key] = masked(why[key]);
  const negativation = Object.assign({}, shared, { invoiceId: masked(invoiceId) });
  return { negativation: asMasked(negativation), invoice: asMasked(Object.assign(shared, { negativationId: masked(negativationId) })) };
}
