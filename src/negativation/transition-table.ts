import type { NegativationEffectType } from './effects.js';
import type { NegativationEventType } from './events.js';
import type { GuardStage } from './guards/index.js';
import type { NegativationStatus } from './status.js';

/**
 * One legal move of the machine: in status `from`, event `event` (in the
 * situation `variant`) leads to `to`, after the guards of `guards` pass, and
 * may produce effects of the listed types. `from: null` is the request that
 * creates a negativation. The code and the diagram in `docs/` both read this table.
 */
export interface TransitionRule {
  readonly from: NegativationStatus | null;
  readonly event: NegativationEventType;
  /** Which situation this row covers when one event has several outcomes (`default` otherwise). */
  readonly variant: string;
  readonly to: NegativationStatus;
  readonly guards?: GuardStage;
  readonly effects: readonly NegativationEffectType[];
}

/** A row as written: every field a literal type, so the handlers' steps are checked against the rows when they compile. */
interface Row<F extends NegativationStatus | null, E extends NegativationEventType, V extends string, T extends NegativationStatus, X extends readonly NegativationEffectType[]>
  extends TransitionRule {
  readonly from: F;
  readonly event: E;
  readonly variant: V;
  readonly to: T;
  readonly effects: X;
}

function rule<
  const F extends NegativationStatus | null,
  const E extends NegativationEventType,
  const T extends NegativationStatus,
  const X extends readonly NegativationEffectType[] = readonly [],
  const V extends string = 'default'
>(from: F, event: E, to: T, effects?: X, options: { variant?: V; guards?: GuardStage } = {}): Row<F, E, V, T, X> {
  return {
    from,
    event,
    variant: (options.variant ?? 'default') as V,
    to,
    effects: (effects ?? []) as unknown as X,
    ...(options.guards ? { guards: options.guards } : {}),
  };
}

/** Starting a removal: ask the bureau, take the banner down, and alert when it is already late. */
export const REMOVE_EFFECTS = ['request_removal', 'hide_portal_banner', 'alert_operator'] as const;
const REMOVE = REMOVE_EFFECTS;

/** Every legal transition (seed 000's statuses; docs/legal.md §3). Anything not here is an `illegal_transition`. */
export const TRANSITIONS = [
  rule(null, 'request', 'in_analysis', [], { guards: 'request' }),

  rule('in_analysis', 'analysis_approved', 'processing', ['send_notice', 'issue_updated_invoice', 'show_portal_banner'], { guards: 'request' }),
  rule('in_analysis', 'analysis_approved', 'processing', ['request_bureau_notice', 'issue_updated_invoice', 'show_portal_banner'], { variant: 'bureau sends the notice', guards: 'request' }),
  rule('in_analysis', 'analysis_rejected', 'cancelled'),
  rule('in_analysis', 'payment_received', 'cancelled', [], {
    variant: 'settled',
  }),
  rule('in_analysis', 'payment_received', 'in_analysis', [], {
    variant: 'partial',
  }),
  rule('in_analysis', 'agreement_made', 'cancelled'),
  rule('in_analysis', 'cancel_requested', 'cancelled'),
  rule('in_analysis', 'failure', 'failed', ['alert_operator']),

  rule('processing', 'notice_sent', 'processing'),
  rule('processing', 'notice_read', 'processing'),
  rule('processing', 'bureau_notice_requested', 'processing', ['request_bureau_notice']),
  rule('processing', 'bureau_notice_posted', 'processing'),
  rule('processing', 'notice_period_elapsed', 'processing', ['submit_to_bureau'], { guards: 'submission' }),
  rule('processing', 'submitted', 'awaiting_return', [], {
    guards: 'submission',
  }),
  rule('processing', 'payment_received', 'cancelled', ['hide_portal_banner'], {
    variant: 'settled',
  }),
  rule('processing', 'payment_received', 'processing', ['issue_updated_invoice'], { variant: 'partial' }),
  rule('processing', 'agreement_made', 'cancelled', ['hide_portal_banner']),
  rule('processing', 'cancel_requested', 'cancelled', ['hide_portal_banner']),
  rule('processing', 'failure', 'failed', ['alert_operator']),

  rule('awaiting_return', 'bureau_accepted', 'negativated'),
  rule('awaiting_return', 'bureau_rejected', 'failed', ['alert_operator']),
  rule('awaiting_return', 'payment_received', 'cancelling', REMOVE, {
    variant: 'settled',
  }),
  rule('awaiting_return', 'payment_received', 'awaiting_return', ['issue_updated_invoice'], { variant: 'partial' }),
  rule('awaiting_return', 'agreement_made', 'cancelling', REMOVE),
  rule('awaiting_return', 'cancel_requested', 'cancelling', REMOVE),
  rule('awaiting_return', 'failure', 'failed', ['alert_operator']),

  rule('negativated', 'payment_received', 'recovering', REMOVE, {
    variant: 'settled, remove automatically',
  }),
  rule('negativated', 'payment_received', 'negativated', ['alert_operator'], {
    variant: 'settled, remove manually',
  }),
  rule('negativated', 'payment_received', 'negativated', ['issue_updated_invoice'], { variant: 'partial' }),
  rule('negativated', 'payment_received', 'negativated', [], {
    variant: 'installment',
  }),
  rule('negativated', 'agreement_made', 'negativated'),
  rule('negativated', 'removal_requested', 'recovering', REMOVE),
  rule('negativated', 'cancel_requested', 'cancelling', REMOVE),
  rule('negativated', 'bureau_removed', 'cancelled', ['hide_portal_banner'], {
    variant: 'removed by the bureau',
  }),

  rule('recovering', 'bureau_removed', 'recovered'),
  rule('recovering', 'payment_received', 'recovering', [], {
    variant: 'record',
  }),
  rule('recovering', 'failure', 'failed', ['alert_operator']),

  rule('cancelling', 'bureau_accepted', 'cancelling', [], {
    variant: 'accepted before the cancellation',
  }),
  rule('cancelling', 'bureau_rejected', 'cancelled', [], {
    variant: 'never registered',
  }),
  rule('cancelling', 'bureau_removed', 'cancelled'),
  rule('cancelling', 'cancel_confirmed', 'cancelled'),
  rule('cancelling', 'payment_received', 'cancelling', [], {
    variant: 'record',
  }),
  rule('cancelling', 'failure', 'failed', ['alert_operator']),

  rule('failed', 'retry', 'in_analysis', [], { variant: 'failed in analysis' }),
  rule('failed', 'retry', 'processing', ['send_notice', 'request_bureau_notice'], {
    variant: 'failed while processing',
  }),
  rule('failed', 'retry', 'awaiting_return', ['submit_to_bureau'], {
    variant: 'failed at submission',
    guards: 'submission',
  }),
  rule('failed', 'retry', 'recovering', ['request_removal'], {
    variant: 'failed removing',
  }),
  rule('failed', 'retry', 'cancelling', ['request_removal'], {
    variant: 'failed cancelling',
  }),
  rule('failed', 'bureau_removed', 'recovered', [], {
    variant: 'failed removing',
  }),
  rule('failed', 'bureau_removed', 'cancelled', [], {
    variant: 'failed cancelling',
  }),
  rule('failed', 'payment_received', 'cancelled', ['hide_portal_banner'], {
    variant: 'settled, not registered',
  }),
  rule('failed', 'payment_received', 'failed', [], { variant: 'record' }),
  rule('failed', 'cancel_requested', 'cancelled', ['hide_portal_banner'], {
    variant: 'not registered',
  }),
  rule('failed', 'cancel_requested', 'cancelling', REMOVE, {
    variant: 'registered',
  }),
] as const;

/** One row of {@link TRANSITIONS}, with its literal types. */
export type TableRow = (typeof TRANSITIONS)[number];

const ROWS: readonly TransitionRule[] = TRANSITIONS;
/** Rules by status, event and variant (nested maps: a look-up builds no key string). */
const byKey = new Map<NegativationStatus | null, Map<NegativationEventType, Map<string, TransitionRule>>>();
const eventsByStatus = new Map<NegativationStatus | null, Set<NegativationEventType>>();
for (const row of ROWS) {
  let byEvent = byKey.get(row.from);
  if (!byEvent) byKey.set(row.from, (byEvent = new Map()));
  let byVariant = byEvent.get(row.event);
  if (!byVariant) byEvent.set(row.event, (byVariant = new Map()));
  if (byVariant.has(row.variant)) throw new Error(`duplicate transition rule ${row.from ?? '*'}|${row.event}|${row.variant}`);
  byVariant.set(row.variant, row);
  let events = eventsByStatus.get(row.from);
  if (!events) eventsByStatus.set(row.from, (events = new Set()));
  events.add(row.event);
}

/** The rule for a status, event and variant, if the table has one. */
export function findRule(from: NegativationStatus | null, event: NegativationEventType, variant: string): TransitionRule | undefined {
  return byKey.get(from)?.get(event)?.get(variant);
}

/**
 * Whether any rule lets `event` apply in status `from`.
 * @example
 * ```ts
 * import { eventAppliesIn } from 'cobranca/negativation';
 *
 * console.log(eventAppliesIn('negativated', 'payment_received'), eventAppliesIn('cancelled', 'payment_received'));
 * // → true false
 * ```
 */
export function eventAppliesIn(from: NegativationStatus | null, event: NegativationEventType): boolean {
  return eventsByStatus.get(from)?.has(event) ?? false;
}

/**
 * The event types that apply in a status (what an operator's UI may offer).
 * @example
 * ```ts
 * import { eventsAllowedIn } from 'cobranca/negativation';
 *
 * console.log(eventsAllowedIn('in_analysis').join(', ')); // what an operator's screen may offer
 * // → analysis_approved, analysis_rejected, payment_received, agreement_made, cancel_requested, failure
 * ```
 */
export function eventsAllowedIn(status: NegativationStatus): NegativationEventType[] {
  return [...(eventsByStatus.get(status) ?? [])];
}
