import { cobrancaError } from '../errors.js';
import type { AgreementsError } from './errors.js';
import type { ParsedNewProposal } from './proposal-schema.js';
import { LAST_SCHEDULABLE_DAY, scheduleFits } from './schedule.js';

/**
 * What a new proposal's options and schedule must satisfy before the total is
 * split: the on-time discount only with cancelled originals (seed 004), explicit
 * dates strictly increasing, the first due date not before `asOf`, every date on
 * the supported calendar. Returns the first problem, or `undefined`.
 */
export function proposalScheduleProblem(proposal: ParsedNewProposal): AgreementsError | undefined {
  if (proposal.keepOnTimeDiscount && proposal.originals === 'suspend') {
    return cobrancaError('on_time_discount_unavailable', "the contract's on-time discount cannot be kept when the originals are suspended (seed 004)", { path: ['keepOnTimeDiscount'] });
  }
  const rule = proposal.installments;
  if (rule.kind === 'dates') {
    for (let i = 1; i < rule.dates.length; i++) {
      if ((rule.dates[i] ?? '') <= (rule.dates[i - 1] ?? '')) {
        return cobrancaError('dates_not_increasing', 'installment dates must be strictly increasing', { path: ['installments', 'dates', i] });
      }
    }
  }
  const firstScheduled = rule.kind === 'single' ? rule.dueDate : rule.kind === 'regular' ? rule.firstDueDate : rule.dates[0];
  if (firstScheduled !== undefined && firstScheduled < proposal.asOf) {
    const path = rule.kind === 'single' ? ['installments', 'dueDate'] : rule.kind === 'regular' ? ['installments', 'firstDueDate'] : ['installments', 'dates', 0];
    return cobrancaError('due_date_before_as_of', `the first due date may not be before ${proposal.asOf}`, { path });
  }
  if (!scheduleFits(rule)) return cobrancaError('invalid_input', `the installments would fall after ${LAST_SCHEDULABLE_DAY}`, { path: ['installments'] });
  return undefined;
}
