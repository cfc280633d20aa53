import { err, ok, type Result } from 'neverthrow';
import type { BusinessCalendar } from '../calendar/index.js';
import { cobrancaError } from '../errors.js';
import { fromCents, ZERO } from '../money/index.js';
import type { NegativationEffect, RemovalReason } from './effects.js';
import type { NegativationError } from './errors.js';
import type { EventOfType, NegativationEvent, NegativationEventType } from './events.js';
import { earliestSubmissionOn } from './guards/index.js';
import { isRegistered, type Negativation, type PaymentRecord, type Removal, type Settlement } from './negativation.js';
import { removalAlarmOn, removalDeadlineOf } from './removal-deadline.js';

/** Fields a step changes; `undefined` removes an optional field. */
export type NegativationPatch = { -readonly [K in keyof Negativation]?: Negativation[K] | undefined };

/** What an event handler decides: which row of the table applies, what changes, what the host must do. */
export interface Step {
  readonly variant: string;
  readonly patch: NegativationPatch;
  readonly effects: readonly NegativationEffect[];
}

type Handler<T extends NegativationEventType> = (n: Negativation, event: EventOfType<T>, calendar: BusinessCalendar) => Result<Step, NegativationError>;

const step = (variant: string, patch: NegativationPatch = {}, effects: readonly NegativationEffect[] = []): Result<Step, NegativationError> => ok({ variant, patch, effects });

const illegal = (n: Negativation, event: NegativationEvent, why: string): Result<Step, NegativationError> =>
  err(cobrancaError('illegal_transition', `${event.type} does not apply to a negativation ${n.status}: ${why}`, { path: ['type'], details: { status: n.status, event: event.type } }));

function hideBanner(n: Negativation): NegativationEffect[] {
  return n.portalBannerShown ? [{ type: 'hide_portal_banner', negativationId: n.id, titleId: n.title.id }] : [];
}

function requestRemoval(n: Negativation, removal: Removal, calendar: BusinessCalendar): NegativationEffect {
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

function removing(n: Negativation, reason: RemovalReason, event: NegativationEvent, calendar: BusinessCalendar, settlement?: Settlement): { removal: Removal; effects: NegativationEffect[] } {
  const deadline = settlement?.removalDeadline ?? n.settlement?.removalDeadline;
  const removal: Removal = { reason, requestedOn: event.on, ...(deadline !== undefined ? { deadline } : {}) };
  return { removal, effects: [requestRemoval(n, removal, calendar), ...hideBanner(n)] };
}

function settle(kind: Settlement['kind'], paidOn: Settlement['paidOn'], fundsAvailableOn: Settlement['fundsAvailableOn'], calendar: BusinessCalendar): Settlement {
  return { kind, paidOn, fundsAvailableOn, removalDeadline: removalDeadlineOf(fundsAvailableOn, calendar) };
}

const analysisApproved: Handler<'analysis_approved'> = (n) =>
  step('default', { portalBannerShown: true }, [
    { type: 'send_notice', negativationId: n.id, channel: n.settings.defaultNoticeChannel },
    { type: 'issue_updated_invoice', negativationId: n.id, titleId: n.title.id, outstanding: n.outstanding },
    { type: 'show_portal_banner', negativationId: n.id, titleId: n.title.id },
  ]);

const noticeSent: Handler<'notice_sent'> = (n, e) =>
  step('default', { notices: [...n.notices, { channel: e.channel, sentOn: e.on, ...(e.proofOfPosting !== undefined ? { proofOfPosting: e.proofOfPosting } : {}) }] });

const noticePeriodElapsed: Handler<'notice_period_elapsed'> = (n, e) =>
  step('default', { noticePeriodElapsedOn: e.on }, [{ type: 'submit_to_bureau', negativationId: n.id, bureau: n.bureau }]);

const submitted: Handler<'submitted'> = (_n, e) => step('default', { submittedOn: e.on, ...(e.bureauReference !== undefined ? { bureauReference: e.bureauReference } : {}) });

const bureauAccepted: Handler<'bureau_accepted'> = (n, e) => {
  const patch: NegativationPatch = { registeredOn: e.on, ...(e.bureauReference !== undefined ? { bureauReference: e.bureauReference } : {}) };
  if (n.status === 'awaiting_return') return step('default', patch);
  if (n.submittedOn === undefined || n.registeredOn !== undefined) return illegal(n, e, 'no submission is waiting for the bureau');
  return step('accepted before the cancellation', patch);
};

const bureauRejected: Handler<'bureau_rejected'> = (n, e) => {
  if (n.status === 'awaiting_return') {
    return step('default', { failure: { reason: e.reason, on: e.on, from: n.status } }, [
      { type: 'alert_operator', negativationId: n.id, alert: 'bureau_rejected', message: `the bureau rejected the registration: ${e.reason}` },
    ]);
  }
  if (n.submittedOn === undefined || n.registeredOn !== undefined) return illegal(n, e, 'no submission is waiting for the bureau');
  return step('never registered', { removal: n.removal ? { ...n.removal, confirmedOn: e.on } : undefined });
};

const paymentReceived: Handler<'payment_received'> = (n, e, calendar) => {
  const record: PaymentRecord = {
    kind: e.kind,
    amount: e.amount,
    paidOn: e.paidOn,
    fundsAvailableOn: e.fundsAvailableOn,
    ...(e.installmentNumber !== undefined ? { installmentNumber: e.installmentNumber } : {}),
  };
  const payments = [...n.payments, record];
  if (e.kind === 'agreement_installment' && n.agreementId === undefined) return illegal(n, e, 'no agreement is recorded for this negativation');
  const settled = e.kind === 'full' || (e.kind === 'partial' && e.amount.cents >= n.outstanding.cents);
  const outstanding = settled ? ZERO : e.kind === 'partial' ? fromCents(n.outstanding.cents - e.amount.cents) : n.outstanding;
  const base: NegativationPatch = { payments, outstanding };
  const paid = (): Settlement => n.settlement ?? settle('paid', e.paidOn, e.fundsAvailableOn, calendar);
  const updatedInvoice: NegativationEffect = { type: 'issue_updated_invoice', negativationId: n.id, titleId: n.title.id, outstanding };

  switch (n.status) {
    case 'in_analysis':
      return settled ? step('settled', { ...base, settlement: paid() }) : step('partial', base);
    case 'processing':
      return settled ? step('settled', { ...base, settlement: paid() }, hideBanner(n)) : step('partial', base, [updatedInvoice]);
    case 'awaiting_return': {
      if (!settled) return step('partial', base, [updatedInvoice]);
      const settlement = paid();
      const { removal, effects } = removing(n, 'paid', e, calendar, settlement);
      return step('settled', { ...base, settlement, removal }, effects);
    }
    case 'negativated': {
      const qualifyingInstallment = e.kind === 'agreement_installment' && n.settings.removeAfterFirstAgreementInstallment;
      if (!settled && !qualifyingInstallment) return e.kind === 'partial' ? step('partial', base, [updatedInvoice]) : step('installment', base);
      const settlement = settled ? paid() : (n.settlement ?? settle('agreement_installment', e.paidOn, e.fundsAvailableOn, calendar));
      if (n.settings.removeAutomatically) {
        const { removal, effects } = removing(n, settlement.kind === 'paid' ? 'paid' : 'agreement_installment', e, calendar, settlement);
        return step('settled, remove automatically', { ...base, settlement, removal }, effects);
      }
      return step('settled, remove manually', { ...base, settlement }, [
        {
          type: 'alert_operator',
          negativationId: n.id,
          alert: 'remove_manually',
          message: `paid: request removal from ${n.bureau} by ${settlement.removalDeadline} (STJ Súmula 548)`,
          deadline: settlement.removalDeadline,
        },
      ]);
    }
    case 'failed':
      if (settled && !isRegistered(n)) return step('settled, not registered', { ...base, settlement: paid() }, hideBanner(n));
      return step('record', settled ? { ...base, settlement: paid() } : base);
    default:
      return step('record', settled ? { ...base, settlement: paid() } : base);
  }
};

const agreementMade: Handler<'agreement_made'> = (n, e, calendar) => {
  const base: NegativationPatch = { agreementId: e.agreementId, inActiveAgreement: true };
  switch (n.status) {
    case 'in_analysis':
      return step('default', base);
    case 'processing':
      return step('default', base, hideBanner(n));
    case 'awaiting_return': {
      const { removal, effects } = removing(n, 'agreement', e, calendar);
      return step('default', { ...base, removal }, effects);
    }
    default:
      return step('default', base);
  }
};

const removalRequested: Handler<'removal_requested'> = (n, e, calendar) => {
  const settlement = n.settlement ?? (e.paidOutside ? settle('paid', e.paidOutside.paidOn, e.paidOutside.fundsAvailableOn, calendar) : undefined);
  if (settlement === undefined) {
    return err(
      cobrancaError('removal_not_allowed', 'no payment is recorded: record the payment (or pass paidOutside), or cancel the registration instead', {
        path: ['paidOutside'],
        details: { status: n.status },
      }),
    );
  }
  const { removal, effects } = removing(n, settlement.kind === 'paid' ? 'paid' : 'agreement_installment', e, calendar, settlement);
  return step('default', { settlement, removal, ...(settlement.kind === 'paid' ? { outstanding: ZERO } : {}) }, effects);
};

const bureauRemoved: Handler<'bureau_removed'> = (n, e) => {
  if (n.status === 'failed') {
    const from = n.failure?.from;
    if ((from !== 'recovering' && from !== 'cancelling') || n.removal === undefined) return illegal(n, e, 'no removal was requested');
    return step(from === 'recovering' ? 'failed removing' : 'failed cancelling', { failure: undefined, removal: { ...n.removal, confirmedOn: e.on } });
  }
  if (n.status === 'negativated') {
    return step('removed by the bureau', { removal: { reason: e.on >= n.expiresOn ? 'age_limit' : 'cancelled', requestedOn: e.on, confirmedOn: e.on } }, hideBanner(n));
  }
  const removal: Removal = n.removal ? { ...n.removal, confirmedOn: e.on } : { reason: 'cancelled', requestedOn: e.on, confirmedOn: e.on };
  return step('default', { removal });
};

const cancelRequested: Handler<'cancel_requested'> = (n, e, calendar) => {
  switch (n.status) {
    case 'in_analysis':
      return step('default');
    case 'processing':
      return step('default', {}, hideBanner(n));
    case 'failed': {
      if (!isRegistered(n) && n.removal === undefined) return step('not registered', {}, hideBanner(n));
      const { removal, effects } = removing(n, 'cancelled', e, calendar);
      return step('registered', { removal: n.removal ?? removal }, effects);
    }
    default: {
      const { removal, effects } = removing(n, e.on >= n.expiresOn ? 'age_limit' : 'cancelled', e, calendar);
      return step('default', { removal }, effects);
    }
  }
};

const cancelConfirmed: Handler<'cancel_confirmed'> = (n, e) => step('default', { removal: n.removal ? { ...n.removal, confirmedOn: e.on } : { reason: 'cancelled', requestedOn: e.on, confirmedOn: e.on } });

const failure: Handler<'failure'> = (n, e) =>
  step('default', { failure: { reason: e.reason, on: e.on, from: n.status } }, [
    { type: 'alert_operator', negativationId: n.id, alert: 'failure', message: `negativation failed while ${n.status}: ${e.reason}` },
  ]);

const RETRY_VARIANTS: Readonly<Record<string, string>> = {
  in_analysis: 'failed in analysis',
  processing: 'failed while processing',
  awaiting_return: 'failed at submission',
  recovering: 'failed removing',
  cancelling: 'failed cancelling',
};

const retry: Handler<'retry'> = (n, e, calendar) => {
  const from = n.failure?.from;
  const variant = from === undefined ? undefined : RETRY_VARIANTS[from];
  if (from === undefined || variant === undefined) return illegal(n, e, 'nothing to retry');
  const patch: NegativationPatch = { failure: undefined };
  switch (from) {
    case 'processing':
      return step(variant, patch, earliestSubmissionOn(n) === undefined ? [{ type: 'send_notice', negativationId: n.id, channel: n.settings.defaultNoticeChannel }] : []);
    case 'awaiting_return':
      return step(variant, { ...patch, submittedOn: e.on }, [{ type: 'submit_to_bureau', negativationId: n.id, bureau: n.bureau }]);
    case 'recovering':
    case 'cancelling': {
      const removal = n.removal ?? { reason: 'cancelled' as const, requestedOn: e.on };
      return step(variant, { ...patch, removal }, [requestRemoval(n, removal, calendar)]);
    }
    default:
      return step(variant, patch);
  }
};

const simple = (): Result<Step, NegativationError> => step('default');

/** The handler of each event type (the request is applied by `startNegativation`). */
export const HANDLERS: { readonly [T in NegativationEventType]: Handler<T> } = {
  request: simple,
  analysis_approved: analysisApproved,
  analysis_rejected: simple,
  notice_sent: noticeSent,
  notice_period_elapsed: noticePeriodElapsed,
  submitted,
  bureau_accepted: bureauAccepted,
  bureau_rejected: bureauRejected,
  payment_received: paymentReceived,
  agreement_made: agreementMade,
  removal_requested: removalRequested,
  bureau_removed: bureauRemoved,
  cancel_requested: cancelRequested,
  cancel_confirmed: cancelConfirmed,
  failure,
  retry,
};
