import { describe, expect, it } from 'vitest';
import { defineRuler as typedDefineRuler } from '../../src/ruler/index.js';
import { untyped } from '../support/untyped.js';
import { exampleSpec } from './fixtures.js';

/** These cases hand the run-time check loosely typed specs, as a JavaScript host would. */
const defineRuler = untyped(typedDefineRuler);

const notice = { id: 'carta', offsetDays: 1, action: { kind: 'notify', channel: 'letter', template: 'aviso' } };

describe('defineRuler', () => {
  it('accepts the example ruler and sorts its steps by offset', () => {
    const shuffled = { ...exampleSpec, steps: [...exampleSpec.steps].reverse() };
    const ruler = defineRuler(shuffled)._unsafeUnwrap();
    expect(ruler.steps.map((s) => s.offsetDays)).toEqual([-3, 1, 10, 15]);
    expect(ruler.policy).toEqual({ requireNoticeBeforeNegativation: true, noticeLeadDays: 10 });
  });

  it('refuses an offset of 10^9 with the path of the field', () => {
    const error = defineRuler({ id: 'r', steps: [{ ...notice, offsetDays: 1e9 }] })._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'invalid_input', path: ['steps', 0, 'offsetDays'] });
  });

  it('refuses an unknown action with the path of its kind', () => {
    const error = defineRuler({ id: 'r', steps: [notice, { id: 'x', offsetDays: 2, action: { kind: 'call-grandma' } }] })._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'invalid_input', path: ['steps', 1, 'action', 'kind'] });
  });

  it('refuses duplicate step ids', () => {
    const error = defineRuler({ id: 'r', steps: [notice, { ...notice, offsetDays: 2 }] })._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'duplicate_step_id', path: ['steps', 1, 'id'], details: { stepId: 'carta', first: 0 } });
  });

  it('refuses two steps of the same channel on the same day, but not two channels', () => {
    const sms = (id: string) => ({ id, offsetDays: 3, action: { kind: 'notify', channel: 'sms', template: 't' } });
    expect(defineRuler({ id: 'r', steps: [sms('a'), sms('b')] })._unsafeUnwrapErr()).toMatchObject({ code: 'conflicting_steps', path: ['steps', 1] });
    const email = { id: 'c', offsetDays: 3, action: { kind: 'notify', channel: 'email', template: 't' } };
    expect(defineRuler({ id: 'r', steps: [sms('a'), email] }).isOk()).toBe(true);
  });

  it('refuses a negativation without a notice step at least 10 days before it (CDC art. 43 §2)', () => {
    const negativate = { id: 'neg', offsetDays: 5, action: { kind: 'negativate' } };
    const error = defineRuler({ id: 'r', steps: [notice, negativate] })._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'negativation_without_notice', path: ['steps', 1], details: { latestNoticeDay: -5 } });
    expect(defineRuler({ id: 'r', steps: [notice, { ...negativate, offsetDays: 11 }] }).isOk()).toBe(true);
    expect(defineRuler({ id: 'r', steps: [negativate], policy: { requireNoticeBeforeNegativation: false } }).isOk()).toBe(true);
  });

  it('does not count a conditional notice as the notice', () => {
    const conditional = { ...notice, conditions: { customerKind: 'company' } };
    const error = defineRuler({ id: 'r', steps: [conditional, { id: 'neg', offsetDays: 30, action: { kind: 'negativate' } }] })._unsafeUnwrapErr();
    expect(error.code).toBe('negativation_without_notice');
  });

  it('checks SMS texts against 160 GSM-7 / 70 UCS-2 characters', () => {
    const sms = (text: string) => ({ id: 'r', steps: [{ id: 's', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 't', text } }] });
    expect(defineRuler(sms('a'.repeat(160))).isOk()).toBe(true);
    expect(defineRuler(sms('a'.repeat(161)))._unsafeUnwrapErr()).toMatchObject({ code: 'sms_too_long', path: ['steps', 0, 'action', 'text'], details: { limit: 160 } });
    expect(defineRuler(sms('ç'.repeat(71)))._unsafeUnwrapErr()).toMatchObject({ code: 'sms_too_long', details: { encoding: 'ucs2', limit: 70 } });
  });

  it('refuses unknown fields instead of ignoring them', () => {
    expect(defineRuler({ id: 'r', steps: [{ ...notice, offset: 3 }] })._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['steps', 0, 'offset'] });
  });
});
