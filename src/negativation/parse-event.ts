import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, parseInput } from '../errors.js';
import type { NegativationError } from './errors.js';
import { readNegativationEventFast } from './event-fast-input.js';
import { NEGATIVATION_EVENT_TYPES, negativationEventSchema, type NegativationEvent } from './events.js';

const EVENT_TYPES: ReadonlySet<string> = new Set(NEGATIVATION_EVENT_TYPES);

/**
 * Parses an event from outside: `unknown_event` when its `type` is not one
 * this machine knows, `invalid_input` (with the field's path) when a field is wrong.
 * @example
 * ```ts
 * import { parseNegativationEvent } from 'cobranca/negativation';
 *
 * // A bureau's or an operator's event arriving as JSON.
 * const event = parseNegativationEvent(JSON.parse('{"type":"payment_received","on":"2026-11-19","actor":"pix-webhook","kind":"full","amount":"373.52","paidOn":"2026-11-19","fundsAvailableOn":"2026-11-19"}'));
 * event.match(
 *   (parsed) => console.log(parsed.type, parsed.on),
 *   (error) => console.log(error.code, error.path?.join('.')),
 * );
 * const unknown = parseNegativationEvent({ type: 'paid', on: '2026-11-19', actor: 'pix-webhook' });
 * if (unknown.isErr()) console.log(unknown.error.code);
 * // → payment_received 2026-11-19
 * // → unknown_event
 * ```
 */
export function parseNegativationEvent(input: unknown): Result<NegativationEvent, NegativationError> {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !EVENT_TYPES.has(type)) {
    const shown = typeof type === 'string' ? `'${type}'` : type === undefined ? 'no type' : typeof type;
    return err(cobrancaError('unknown_event', `unknown negativation event ${shown}; expected one of ${NEGATIVATION_EVENT_TYPES.join(', ')}`, { path: ['type'] }));
  }
  const fast = readNegativationEventFast(input);
  return fast !== undefined ? ok(fast) : parseInput(negativationEventSchema, input);
}
