import { cobrancaError } from '../../errors.js';
import { ZERO } from '../../money/index.js';
import { isRegistered, type Removal } from '../negativation.js';
import { confirmedRemoval, hideBanner, illegal, removing, requestRemoval, settle, step, type Handler, type NegativationPatch } from './step.js';

/** An agreement cancels a pending request and withdraws a submission; a registration records it. */
export const agreementMade: Handler<'agreement_made'> = (n, e, calendar) => {
  const base: NegativationPatch = {
    agreementId: e.agreementId,
    inActiveAgreement: true,
  };
  switch (n.status) {
    case 'in_analysis':
      return step(n.status, 'default', base);
    case 'processing':
      return step(n.status, 'default', base, hideBanner(n));
    case 'awaiting_return': {
      const { removal, effects } = removing(n, 'agreement', e, calendar);
      return step(n.status, 'default', { ...base, removal }, effects);
    }
    default:
      return step(n.status, 'default', base);
  }
};

/** Manual removal of a paid registration (seed 000: paid outside the system). */
export const removalRequested: Handler<'removal_requested'> = (n, e, calendar) => {
  const settlement = n.settlement ?? (e.paidOutside ? settle('paid', e.paidOutside.paidOn, e.paidOutside.fundsAvailableOn, calendar) : undefined);
  if (settlement === undefined) {
    return {
      refused: cobrancaError('removal_not_allowed', 'no payment is recorded: record the payment (or pass paidOutside), or cancel the registration instead', {
        path: ['paidOutside'],
        details: { status: n.status },
      }),
    };
  }
  const { removal, effects } = removing(n, settlement.kind === 'paid' ? 'paid' : 'agreement_installment', e, calendar, settlement);
  return step(
    n.status,
    'default',
    {
      settlement,
      removal,
      ...(settlement.kind === 'paid' ? { outstanding: ZERO } : {}),
    },
    effects
  );
};

/** The bureau confirmed the removal (or removed it by itself). */
export const bureauRemoved: Handler<'bureau_removed'> = (n, e) => {
  if (n.status === 'failed') {
    const from = n.failure?.from;
    if ((from !== 'recovering' && from !== 'cancelling') || n.removal === undefined) return illegal(n, e, 'no removal was requested');
    const patch: NegativationPatch = {
      failure: undefined,
      removal: confirmedRemoval(n.removal, e.on),
    };
    return from === 'recovering' ? step(n.status, 'failed removing', patch) : step(n.status, 'failed cancelling', patch);
  }
  if (n.status === 'negativated') {
    return step(
      n.status,
      'removed by the bureau',
      {
        removal: {
          reason: e.on >= n.expiresOn ? 'age_limit' : 'cancelled',
          requestedOn: e.on,
          confirmedOn: e.on,
        },
      },
      hideBanner(n)
    );
  }
  const removal: Removal = n.removal ? confirmedRemoval(n.removal, e.on) : { reason: 'cancelled', requestedOn: e.on, confirmedOn: e.on };
  return step(n.status, 'default', { removal });
};

/** Cancels a request, or asks the bureau to cancel what it holds. */
export const cancelRequested: Handler<'cancel_requested'> = (n, e, calendar) => {
  switch (n.status) {
    case 'in_analysis':
      return step(n.status, 'default');
    case 'processing':
      return step(n.status, 'default', {}, hideBanner(n));
    case 'failed': {
      if (!isRegistered(n) && n.removal === undefined) return step(n.status, 'not registered', {}, hideBanner(n));
      if (n.removal !== undefined) return step(n.status, 'registered', {}, [requestRemoval(n, n.removal, calendar), ...hideBanner(n)]);
      const { removal, effects } = removing(n, 'cancelled', e, calendar);
      return step(n.status, 'registered', { removal }, effects);
    }
    default: {
      const { removal, effects } = removing(n, e.on >= n.expiresOn ? 'age_limit' : 'cancelled', e, calendar);
      return step(n.status, 'default', { removal }, effects);
    }
  }
};

/** The bureau confirmed the cancellation. */
export const cancelConfirmed: Handler<'cancel_confirmed'> = (n, e) =>
  step(n.status, 'default', {
    removal: n.removal ? confirmedRemoval(n.removal, e.on) : { reason: 'cancelled', requestedOn: e.on, confirmedOn: e.on },
  });
