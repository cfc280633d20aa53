import type { BusinessCalendar, CivilDate } from '../../calendar/index.js';
import { cobrancaError } from '../../errors.js';
import type { NegativationEffect, NegativationEffectType, RemovalReason } from '../effects.js';
import type { NegativationError } from '../errors.js';
import type { EventOfType, NegativationEvent, NegativationEventType } from '../events.js';
import type { Negativation, Removal, Settlement } from '../negativation.js';
import type { NegativationStatus } from '../status.js';
import type { REMOVE_EFFECTS} from '../transition-table.js';
import { type TableRow } from '../transition-table.js';
import { removalAlarmOn, removalDeadlineOf } from '../removal-deadline.js';

/** The fields a step may change (the others are the request's, or the step's own: status, version, last event, history). */
export type PatchableField =
  | 'outstanding'
  | 'inActiveAgreement'
  | 'agreementId'
  | 'notices'
  | 'portalBannerShown'
  | 'bureauNoticeRequestedOn'
  | 'noticePeriodElapsedOn'
  | 'submittedOn'
  | 'bureauReference'
  | 'registeredOn'
  | 'payments'
  | 'settlement'
  | 'removal'
  | 'failure';

/** Fields a step changes; `undefined` removes an optional field. */
export type NegativationPatch = {
  -readonly [K in PatchableField]?: Negativation[K] | undefined;
};

/** The effects of the listed types. */
export type EffectOf<X extends NegativationEffectType> = NegativationEffect & { readonly type: X };

/** The rows of the transition table for event `T`. */
type RowsOf<T extends NegativationEventType> = Extract<TableRow, { readonly event: T }>;

/** The step one row allows: its status, its variant, and effects only of the types the row declares. */
type StepOfRow<R> = R extends TableRow
  ? {
      readonly from: R['from'];
      readonly variant: R['variant'];
      readonly patch: NegativationPatch;
      readonly effects: readonly EffectOf<R['effects'][number]>[];
    }
  : never;

/**
 * What an event handler decides: which row of the table applies (the status
 * it leaves and the variant), what changes, and what the host must do. The
 * type is computed from `TRANSITIONS`: a step naming a row the table lacks, or
 * an effect its row does not declare, does not compile.
 */
export type Step<T extends NegativationEventType = NegativationEventType> = StepOfRow<RowsOf<T>>;

/** The statuses in which event `T` applies, by the table. */
export type StatusesOf<T extends NegativationEventType> = Exclude<RowsOf<T>['from'], null>;

/** A handler's refusal: the event does not apply in this situation (`illegal_transition`) or is not allowed yet. */
export interface Refusal {
  readonly refused: NegativationError;
}

/** Whether a handler refused (see {@link Refusal}). */
export function isRefusal(decided: Step | Refusal): decided is Refusal {
  return 'refused' in decided;
}

/**
 * Decides what an event does to a negativation in one of the statuses where
 * the table lets it apply. A plain object, not a `Result`, so the compiler
 * checks the step against the table strictly (a `Result`'s type parameter is
 * compared both ways, which would let an undeclared effect through).
 */
export type Handler<T extends NegativationEventType> = (n: Negativation & { readonly status: StatusesOf<T> }, event: EventOfType<T>, calendar: BusinessCalendar) => Step<T> | Refusal;

/** A decided step (see {@link Step}): `from` is the status the handler was called in (narrowed, so the compiler finds its row). */
export const step = <const F extends NegativationStatus, const V extends string, const X extends NegativationEffect = never>(
  from: F,
  variant: V,
  patch: NegativationPatch = {},
  effects: readonly X[] = [],
): { readonly from: NoInfer<F>; readonly variant: NoInfer<V>; readonly patch: NegativationPatch; readonly effects: readonly NoInfer<X>[] } => ({ from, variant, patch, effects });

/** The `illegal_transition` error of an event refused by its handler. */
export const illegal = (n: Negativation, event: NegativationEvent, why: string): Refusal => ({
  refused: cobrancaError('illegal_transition', `${event.type} does not apply to a negativation ${n.status}: ${why}`, { path: ['type'], details: { status: n.status, event: event.type } }),
});

/** The banner is taken down when it was shown. */
export function hideBanner(n: Negativation): EffectOf<'hide_portal_banner'>[] {
  return n.portalBannerShown ? [bannerDown(n)] : [];
}

function bannerDown(n: Negativation): EffectOf<'hide_portal_banner'> {
  return { type: 'hide_portal_banner', negativationId: n.id, titleId: n.title.id };
}

/** The `request_removal` effect of a removal, with its deadline and alarm day. */
export function requestRemoval(n: Negativation, removal: Removal, calendar: BusinessCalendar): EffectOf<'request_removal'> {
  const deadline = removal.deadline;
  return deadline === undefined
    ? { type: 'request_removal', negativationId: n.id, bureau: n.bureau, reason: removal.reason }
    : { type: 'request_removal', negativationId: n.id, bureau: n.bureau, reason: removal.reason, deadline, alarmOn: removalAlarmOn(deadline, n.settings.removalAlarmBusinessDays, calendar) };
}

/**
 * Starts a removal now: the record and its effects (request, banner down).
 * A request made after the legal deadline (a late manual removal) also alerts
 * an operator, so the miss is on record (STJ Súmula 548).
 */
export function removing(
  n: Negativation,
  reason: RemovalReason,
  event: NegativationEvent,
  calendar: BusinessCalendar,
  settlement?: Settlement
): { removal: Removal; effects: EffectOf<(typeof REMOVE_EFFECTS)[number]>[] } {
  const deadline = settlement?.removalDeadline ?? n.settlement?.removalDeadline;
  const removal: Removal = deadline === undefined ? { reason, requestedOn: event.on } : { reason, requestedOn: event.on, deadline };
  const effects: EffectOf<(typeof REMOVE_EFFECTS)[number]>[] = [requestRemoval(n, removal, calendar)];
  if (n.portalBannerShown) effects.push(bannerDown(n));
  if (deadline !== undefined && event.on > deadline) {
    effects.push({
      type: 'alert_operator',
      negativationId: n.id,
      alert: 'removal_deadline_passed',
      message: `removal requested on ${event.on}, after its deadline ${deadline}`,
      deadline,
    });
  }
  return { removal, effects };
}

/** A settlement and its removal deadline (STJ Súmula 548). */
export function settle(kind: Settlement['kind'], paidOn: Settlement['paidOn'], fundsAvailableOn: Settlement['fundsAvailableOn'], calendar: BusinessCalendar): Settlement {
  return {
    kind,
    paidOn,
    fundsAvailableOn,
    removalDeadline: removalDeadlineOf(fundsAvailableOn, calendar),
  };
}

/** A removal confirmed by the bureau on a day (its fields in their usual order; a spread into a literal with a field after it took V8's slow path). */
export function confirmedRemoval(removal: Removal, on: CivilDate): Removal {
  return removal.deadline === undefined
    ? { reason: removal.reason, requestedOn: removal.requestedOn, confirmedOn: on }
    : { reason: removal.reason, requestedOn: removal.requestedOn, deadline: removal.deadline, confirmedOn: on };
}
