import { describe, expect, it } from 'vitest';
import { negativationDueOn } from '../../../src/app/negativation/negativation-due.js';
import { civilDate } from '../../../src/calendar/index.js';
import { startNegativation, transition, type Negativation, type NegativationEventInput } from '../../../src/negativation/index.js';

/*
 * The due rule for a registration waiting out its prior notice (CDC art. 43 §2):
 * due on the day its notice period elapses, not every day before it; in
 * analysis, every day; a wait with nothing counted yet (the bureau's letter not
 * posted), only a write makes it due.
 */

function started(noticeMode: 'creditor_letter' | 'bureau_sends'): Negativation {
  const result = startNegativation({
    id: 'neg-1',
    origin: 'negativation_menu',
    bureau: 'serasa',
    on: '2026-10-20',
    actor: 'operator.ana',
    creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
    debtor: { document: '529.982.247-25', name: 'Maria Souza', address: { street: 'Rua das Flores', number: '100', city: 'São Paulo', state: 'SP', cep: '01001-000' } },
    title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
    ...(noticeMode === 'bureau_sends' ? { settings: { noticeMode } } : {}),
  } as Parameters<typeof startNegativation>[0]);
  return result._unsafeUnwrap().negativation;
}

function apply(negativation: Negativation, ...events: NegativationEventInput[]): Negativation {
  let current = negativation;
  for (const event of events) current = transition(current, event)._unsafeUnwrap().negativation;
  return current;
}

const approved = { type: 'analysis_approved', on: '2026-10-20', actor: 'system' } as const;

describe('negativationDueOn for a registration waiting out its notice', () => {
  it('in analysis: due tomorrow, whatever the day', () => {
    expect(negativationDueOn(started('creditor_letter'), false, civilDate('2026-10-20'))).toBe('2026-10-21');
  });

  it('waiting with its day known: due on the day the notice period elapses, not the days before; once that day came, every day until it moves', () => {
    const noticed = apply(started('creditor_letter'), approved, { type: 'notice_sent', on: '2026-10-21', actor: 'system', channel: 'letter', proofOfPosting: 'AR-1' });
    expect(negativationDueOn(noticed, false, civilDate('2026-10-21'))).toBe('2026-10-31');
    expect(negativationDueOn(noticed, false, civilDate('2026-10-29'))).toBe('2026-10-31');
    expect(negativationDueOn(noticed, false, civilDate('2026-10-31'))).toBe('2026-11-01');
  });

  it('waiting with nothing counted yet (the bureau has not posted its letter): only a write makes it due', () => {
    const waiting = apply(started('bureau_sends'), approved);
    expect(waiting.settings.noticeMode).toBe('bureau_sends');
    expect(negativationDueOn(waiting, false, civilDate('2026-10-21'))).toBeUndefined();
  });

  it('waiting while its invoice is paid: due every day (reconciliation reports it paid while pending)', () => {
    const noticed = apply(started('creditor_letter'), approved, { type: 'notice_sent', on: '2026-10-21', actor: 'system', channel: 'letter', proofOfPosting: 'AR-1' });
    expect(negativationDueOn(noticed, true, civilDate('2026-10-22'))).toBe('2026-10-23');
  });
});
