import { err, ok, type Result } from 'neverthrow';
import type { BusinessCalendar } from '../../calendar/index.js';
import { cobrancaError } from '../../errors.js';
import type { NegativationEffect, RemovalReason } from '../effects.js';
import type { NegativationError } from '../errors.js';
import type { EventOfType, NegativationEvent, NegativationEventType } from '../events.js';
import type { Negativation, Removal, Settlement } from '../negativation.js';
import { removalAlarmOn, removalDeadlineOf } from '../removal-deadline.js';

/** Fields a step changes; `undefined` removes an optional field. */
export type NegativationPatch = { -readonly [K in keyof Negativation]?: Negativation[K] | undefined };

/** What an event handler decides: which row of the table applies, what changes, what the host must do. */
export interface Step {
  readonly variant: string;
  readonly patch: NegativationPatch;
  readonly effects: readonly NegativationEffect[];
}

/** Decides what an event does to a negativation. */
export type Handler<T extends NegativationEventType> = (n: Negativation, event: EventOfType<T>, calendar: BusinessCalendar) => Result<Step, NegativationError>;

/** A decided step (see {@link Step}). */
export const step = (variant: string, patch: NegativationPatch = {}, effects: readonly NegativationEffect[] = []): Result<Step, NegativationError> => ok({ variant, patch, effects });

/** The `illegal_transition` error of an event refused by its handler. */
export const illegal = (n: Negativation, event: NegativationEvent, why: string): Result<Step, NegativationError> =>
  err(cobrancaError('illegal_transition', `${event.type} does not apply to a negativation ${n.status}: ${why}`, { path: ['type'], details: { status: n.status, event: event.type } }));

/** The banner is taken down when it was shown. */
export function hideBanner(n: Negativation): NegativationEffect[] {
  return n.portalBannerShown ? [{ type: 'hide_portal_banner', negativationId: n.id, titleId: n.title.id }] : [];
}

/** The `request_removal` effect of a removal, with its deadline and alarm day. */
export function requestRemoval(n: Negativation, removal: Removal, calendar: BusinessCalendar): NegativationEffect {
  return {
    type: 'request_removal',
    negativationId: n.id,
    bureau: n.bureau,
    reason: removal.reason,
    ...(removal.deadline !== undefined
      ? { deadline: removal.deadline, alarmOn: removalAlarmOn(removal.deadline, n.settings.removalAlarmBusinessDays, calendar) }
      : {}),
  };
}

/**
 * Starts a removal now: the record and its effects (request, banner down).
 * A request made after the legal deadline (a late manual removal) also alerts
 * an operator, so the miss is on record (STJ Súmula 548).
 */
export function removing(n: Negativation, reason: RemovalReason, event: NegativationEvent, calendar: BusinessCalendar, settlement?: Settlement): { removal: Removal; effects: NegativationEffect[] } {
  const deadline = settlement?.removalDeadline ?? n.settlement?.removalDeadline;
  const removal: Removal = { reason, requestedOn: event.on, ...(deadline !== undefined ? { deadline } : {}) };
  const late: NegativationEffect[] =
    deadline !== undefined && event.on > deadline
      ? [{ type: 'alert_operator', negativationId: n.id, alert: 'removal_deadline_passed', message: `removal requested on ${event.on}, after its deadline ${deadline}`, deadline }]
      : [];
  return { removal, effects: [requestRemoval(n, removal, calendar), ...hideBanner(n), ...late] };
}

/** A settlement and its removal deadline (STJ Súmula 548). */
export function settle(kind: Settlement['kind'], paidOn: Settlement['paidOn'], fundsAvailableOn: Settlement['fundsAvailableOn'], calendar: BusinessCalendar): Settlement {
  return { kind, paidOn, fundsAvailableOn, removalDeadline: removalDeadlineOf(fundsAvailableOn, calendar) };
}
