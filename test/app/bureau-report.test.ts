import { describe, expect, it } from 'vitest';
import { bureauAnswerEvent, bureauReportEvent } from '../../src/app/negativation/bureau-report.js';
import type { BureauStatusReport } from '../../src/ports/index.js';
import { calendar, negativatedEvents, run, started } from '../negativation/fixtures.js';

const base = { on: '2026-11-20', actor: 'boa_vista', at: '2026-11-20T12:00:00-03:00' };
const report = (status: BureauStatusReport['status'], extra: Partial<BureauStatusReport> = {}): BureauStatusReport => ({ negativationId: 'neg-1', status, at: base.at, ...extra });

const awaiting = run(started(), negativatedEvents.slice(0, 3)).negativation;
const negativated = run(started(), negativatedEvents).negativation;
const recovering = run(negativated, [{ type: 'payment_received', on: '2026-11-10', actor: 'bank', kind: 'full', amount: '373.52', paidOn: '2026-11-10', fundsAvailableOn: '2026-11-10' }]).negativation;
const failedRemoving = run(recovering, [{ type: 'failure', on: '2026-11-12', actor: 'system', reason: 'bureau timeout' }]).negativation;
const failedAtSubmission = run(awaiting, [{ type: 'failure', on: '2026-11-01', actor: 'system', reason: 'bureau timeout' }]).negativation;

describe('a bureau report becomes the event the negativation machine takes (the table decides, not a status list)', () => {
  it('registered → bureau_accepted once; rejected → bureau_rejected while awaiting the bureau', () => {
    expect(bureauReportEvent(awaiting, report('registered', { protocol: 'P-1' }), base, calendar)).toEqual({ type: 'bureau_accepted', ...base, bureauReference: 'P-1' });
    expect(bureauReportEvent(negativated, report('registered'), base, calendar)).toBeUndefined();
    expect(bureauReportEvent(awaiting, report('rejected'), base, calendar)).toEqual({ type: 'bureau_rejected', ...base, reason: 'rejected by the bureau' });
    expect(bureauReportEvent(negativated, report('rejected'), base, calendar)).toBeUndefined();
    expect(bureauReportEvent(awaiting, report('pending'), base, calendar)).toBeUndefined();
  });

  it('removed → bureau_removed where a registration is held or being removed; never on one that never reached the bureau', () => {
    expect(recovering.status).toBe('recovering');
    expect(bureauReportEvent(recovering, report('removed'), base, calendar)).toEqual({ type: 'bureau_removed', ...base });
    expect(bureauReportEvent(negativated, report('removed'), base, calendar)).toEqual({ type: 'bureau_removed', ...base });
    expect(bureauReportEvent(awaiting, report('removed'), base, calendar)).toBeUndefined();
    expect(bureauReportEvent(failedAtSubmission, report('removed'), base, calendar)).toBeUndefined();
  });

  it('a removal the bureau confirms after the removal request failed is recorded (regression: the app ignored it and the title stayed registered)', () => {
    expect(failedRemoving.status).toBe('failed');
    expect(bureauReportEvent(failedRemoving, report('removed'), base, calendar)).toEqual({ type: 'bureau_removed', ...base });
  });

  it("the bureau's answer to a submission applies only while the machine takes it", () => {
    expect(bureauAnswerEvent(awaiting, { outcome: 'accepted', protocol: 'P-2' }, base, calendar)).toEqual({ type: 'bureau_accepted', ...base, bureauReference: 'P-2' });
    expect(bureauAnswerEvent(negativated, { outcome: 'accepted', protocol: 'P-2' }, base, calendar)).toBeUndefined();
    expect(bureauAnswerEvent(awaiting, { outcome: 'pending', protocol: 'P-2' }, base, calendar)).toBeUndefined();
  });
});
