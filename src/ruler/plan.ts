import type { BusinessCalendar } from '../calendar/index.js';
import { businessEpochDayOnOrAfter, businessEpochDayOnOrBefore } from '../calendar/business-calendar.js';
import { payableEpochDay } from '../calendar/due-date.js';
import { actionChannel, isSettlementAction, type RulerAction } from './action.js';
import type { Ruler } from './define-ruler.js';
import type { RulerSettings } from './settings.js';
import type { RulerStep, StepConditions } from './step.js';

/**
 * Why a step of the ruler is switched off by the settings. `notice_too_late`:
 * after `daysToRegister` or disabled channels, a negativation step no longer has
 * an enabled, unconditional notice `noticeLeadDays` before it (CDC art. 43 §2),
 * so it is not requested at all.
 */
export type DisabledReason = 'channel_disabled' | 'automatic_registration_off' | 'automatic_removal_off' | 'notice_too_late';

/** A step the settings switched off for this evaluation (reported once, not per invoice). */
export interface DisabledStep {
  readonly stepId: string;
  readonly reason: DisabledReason;
}

/** A step as it runs under the resolved settings: channel resolved, offset possibly overridden. */
export interface PlannedStep {
  readonly id: string;
  readonly offsetDays: number;
  readonly action: RulerAction;
  readonly channel: string;
  readonly conditions: StepConditions | undefined;
  readonly runsOnNonBusinessDays: boolean;
  readonly staleAfterDays: number | undefined;
  readonly isContact: boolean;
  /** Steps of the same channel with a smaller offset (indexes into the plan's `open` list), latest first. */
  earlier: number[];
  /** The step's index in the plan's `steps` (what a compact result stores instead of the step). */
  ordinal: number;
}

/** The ruler under its settings: open-invoice steps grouped by channel, settlement steps, and follow-ups of facts. */
export interface RulerPlan {
  readonly open: PlannedStep[];
  /** For each channel, indexes into `open`, latest offset first. */
  readonly groups: number[][];
  readonly settlement: PlannedStep[];
  /** Contacts that follow a registration (`daysToNextAction`): their offset counts from the day the bureau accepted it, and they run only once it did. */
  readonly afterRegistration: PlannedStep[];
  readonly disabled: DisabledStep[];
  /** Every planned step (open, settlement, after registration), each at its `ordinal`. */
  readonly steps: readonly PlannedStep[];
}

/**
 * Applies the resolved settings to a ruler (seed 002): disabled channels and
 * automatic registration/removal switched off, `daysToRegister` and
 * `daysToForwardToCollections` overriding offsets, notify steps on `default`
 * using `defaultContactType`, and a follow-up contact `daysToNextAction` after
 * a registration took effect (counted from the day the bureau accepted it).
 */
export function planRuler(ruler: Ruler, settings: RulerSettings): RulerPlan {
  const disabled: DisabledStep[] = [];
  const planned: PlannedStep[] = [];
  const afterRegistration: PlannedStep[] = [];
  const enabled = new Set<string>(settings.enabledChannels);
  const add = (step: Pick<RulerStep, 'conditions' | 'runsOnNonBusinessDays' | 'staleAfterDays' | 'id'>, action: RulerAction, offsetDays: number, id = step.id, into = planned): void => {
    into.push({
      id,
      offsetDays,
      action,
      channel: actionChannel(action, settings.defaultContactType),
      conditions: step.conditions,
      runsOnNonBusinessDays: step.runsOnNonBusinessDays,
      staleAfterDays: step.staleAfterDays,
      isContact: action.kind === 'notify',
      earlier: [],
      ordinal: -1,
    });
  };
  for (const step of ruler.steps) {
    const action = step.action;
    if (action.kind === 'notify') {
      const channel = action.channel === 'default' ? settings.defaultContactType : action.channel;
      if (!enabled.has(channel)) disabled.push({ stepId: step.id, reason: 'channel_disabled' });
      else add(step, { ...action, channel }, step.offsetDays);
    } else if (action.kind === 'negativate') {
      if (!settings.registerAutomatically) {
        disabled.push({ stepId: step.id, reason: 'automatic_registration_off' });
        continue;
      }
      const offset = settings.daysToRegister ?? step.offsetDays;
      add(step, action, offset);
    } else if (action.kind === 'remove_negativation' && !settings.removeAutomatically) {
      disabled.push({ stepId: step.id, reason: 'automatic_removal_off' });
    } else if (action.kind === 'forward_to_collections') {
      add(step, action, settings.daysToForwardToCollections ?? step.offsetDays);
    } else {
      add(step, action, step.offsetDays);
    }
  }
  const kept = ruler.policy.requireNoticeBeforeNegativation ? withoutUnnoticedNegativations(planned, ruler.policy.noticeLeadDays, disabled) : planned;
  const open = kept.filter((s) => !isSettlementAction(s.action.kind)).sort((a, b) => a.offsetDays - b.offsetDays);
  const settlement = kept.filter((s) => isSettlementAction(s.action.kind));
  const byChannel = new Map<string, number[]>();
  open.forEach((step, index) => {
    const group = byChannel.get(step.channel) ?? [];
    group.unshift(index);
    byChannel.set(step.channel, group);
  });
  const groups = [...byChannel.values()];
  for (const group of groups) {
    group.forEach((index, position) => {
      const step = open[index];
      if (step) step.earlier = group.slice(position + 1);
    });
  }
  if (settings.daysToNextAction !== null && enabled.has(settings.defaultContactType)) {
    // One follow-up per registration, however it was asked for (seed 002 lists it under "Manual"); its id keeps the first negativate step's name.
    const first = ruler.steps.find((step) => step.action.kind === 'negativate');
    const follow = first ?? { id: 'registration', offsetDays: 0, action: { kind: 'negativate' as const }, runsOnNonBusinessDays: false };
    add(follow, { kind: 'notify', channel: settings.defaultContactType, template: 'after-negativation' }, settings.daysToNextAction, `${follow.id}+next-action`, afterRegistration);
  }
  const steps = [...open, ...settlement, ...afterRegistration];
  steps.forEach((step, ordinal) => {
    step.ordinal = ordinal;
  });
  return { open, groups, settlement, afterRegistration, disabled, steps };
}

function withoutUnnoticedNegativations(planned: PlannedStep[], leadDays: number, disabled: DisabledStep[]): PlannedStep[] {
  const notices = planned.filter((s) => s.action.kind === 'notify' && s.conditions === undefined).map((s) => s.offsetDays);
  const earliest = notices.length > 0 ? Math.min(...notices) : Number.POSITIVE_INFINITY;
  return planned.filter((s) => {
    if (s.action.kind !== 'negativate' || earliest <= s.offsetDays - leadDays) return true;
    disabled.push({ stepId: s.id, reason: 'notice_too_late' });
    return false;
  });
}

/**
 * The day a step runs for a given anchor day (the due date, or the settlement
 * day for settlement steps), as an epoch day. docs/legal.md §1: a due date on a
 * non-business day is payable on the next business day, so a step after the due
 * date never runs before the day after that business day. A step that may not
 * run on non-business days moves forward to the next business day (back to the
 * previous one for reminders before the due date).
 */
export function stepDay(step: PlannedStep, anchorDay: number, calendar: BusinessCalendar, settlement: boolean): number {
  let day = anchorDay + step.offsetDays;
  if (!settlement && step.offsetDays > 0) {
    const payable = payableEpochDay(anchorDay, calendar);
    if (day <= payable) day = payable + 1;
  }
  if (step.runsOnNonBusinessDays) return day;
  return !settlement && step.offsetDays < 0 ? businessEpochDayOnOrBefore(day, calendar) : businessEpochDayOnOrAfter(day, calendar);
}
