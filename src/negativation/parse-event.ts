import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, parseInput } from '../errors.js';
import type { NegativationError } from './errors.js';
import { readNegativationEventFast } from './event-fast-input.js';
import { NEGATIVATION_EVENT_TYPES, negativationEventSchema, type NegativationEvent } from './events.js';

const EVENT_TYPES: ReadonlySet<string> = new Set(NEGATIVATION_EVENT_TYPES);

/**
 * Parses an event from outside: `unknown_event` when its `type` is not one
 * this machine knows, `invalid_input` (with the field's path) when a field is wrong.
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
