import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createReplayGuard, parseBureauWebhook, signBureauWebhook } from '../../../src/adapters/bureau-http/index.js';
import { SECRET } from './support.js';

const NOW = Date.parse('2026-11-03T13:00:00Z');
const seconds = NOW / 1000;
const event = { id: 'evt-1', type: 'registration.registered', occurredAt: '2026-11-03T12:59:58Z', data: { externalId: 'neg-1', reference: 'SIM-0000001' } };
const body = JSON.stringify(event);
const headersFor = (raw: string, at = seconds, secret = SECRET) => ({ 'x-bureau-timestamp': String(at), 'x-bureau-signature': signBureauWebhook(raw, secret, at) });
const options = { now: () => NOW };

describe('parseBureauWebhook (HMAC-SHA256 over timestamp and body)', () => {
  it('verifies and maps a signed event to a report for applyBureauReport', () => {
    expect(parseBureauWebhook(headersFor(body), body, SECRET, options)._unsafeUnwrap()).toEqual({ eventId: 'evt-1', negativationId: 'neg-1', status: 'registered', protocol: 'SIM-0000001', at: '2026-11-03T12:59:58Z' });
    const rejected = JSON.stringify({ ...event, id: 'evt-2', type: 'registration.rejected', data: { externalId: 'neg-1', reasonCode: 'CEP_INEXISTENTE', reason: 'CEP not found' } });
    expect(parseBureauWebhook(headersFor(rejected), rejected, SECRET, options)._unsafeUnwrap()).toMatchObject({ status: 'rejected', reason: 'CEP_INEXISTENTE: CEP not found' });
  });

  it('maps the bureau posting its notice letter (bureau_sends notice modes) with the proof of posting, and refuses one without it', () => {
    const posted = JSON.stringify({ ...event, id: 'evt-4', type: 'registration.notice_posted', data: { externalId: 'neg-1', proofOfPosting: 'AR123456789BR' } });
    expect(parseBureauWebhook(headersFor(posted), posted, SECRET, options)._unsafeUnwrap()).toEqual({ eventId: 'evt-4', negativationId: 'neg-1', status: 'notice_posted', proofOfPosting: 'AR123456789BR', at: '2026-11-03T12:59:58Z' });
    const unproven = JSON.stringify({ ...event, id: 'evt-5', type: 'registration.notice_posted', data: { externalId: 'neg-1' } });
    expect(parseBureauWebhook(headersFor(unproven), unproven, SECRET, options)._unsafeUnwrapErr().code).toBe('webhook_malformed');
  });

  it('refuses a forged webhook: another secret, a changed body, a changed timestamp, no signature', () => {
    expect(parseBureauWebhook(headersFor(body, seconds, 'guess'), body, SECRET, options)._unsafeUnwrapErr().code).toBe('webhook_forged');
    const tampered = body.replace('registered', 'removed');
    expect(parseBureauWebhook(headersFor(body), tampered, SECRET, options)._unsafeUnwrapErr().code).toBe('webhook_forged');
    expect(parseBureauWebhook({ ...headersFor(body), 'x-bureau-timestamp': String(seconds + 1) }, body, SECRET, options)._unsafeUnwrapErr().code).toBe('webhook_forged');
    expect(parseBureauWebhook({ 'x-bureau-timestamp': String(seconds) }, body, SECRET, options)._unsafeUnwrapErr().code).toBe('webhook_unsigned');
    expect(parseBureauWebhook({ ...headersFor(body), 'x-bureau-signature': 'v1=zz' }, body, SECRET, options)._unsafeUnwrapErr().code).toBe('webhook_forged');
  });

  it('any change to a signed body is refused (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.nat(), (insert, at) => {
        const position = at % (body.length + 1);
        const changed = body.slice(0, position) + insert + body.slice(position);
        fc.pre(changed !== body);
        return parseBureauWebhook(headersFor(body), changed, SECRET, options)._unsafeUnwrapErr().code === 'webhook_forged';
      }),
    );
  });

  it('refuses a stale webhook (outside the window, either way) even when correctly signed', () => {
    expect(parseBureauWebhook(headersFor(body, seconds - 301), body, SECRET, options)._unsafeUnwrapErr()).toMatchObject({ code: 'webhook_stale' });
    expect(parseBureauWebhook(headersFor(body, seconds + 301), body, SECRET, options)._unsafeUnwrapErr().code).toBe('webhook_stale');
    expect(parseBureauWebhook(headersFor(body, seconds - 299), body, SECRET, options).isOk()).toBe(true);
    expect(parseBureauWebhook(headersFor(body, seconds - 3600), body, SECRET, { ...options, toleranceSeconds: 7200 }).isOk()).toBe(true);
  });

  it('refuses a replayed event inside the window when given a replay guard', () => {
    const replayGuard = createReplayGuard();
    expect(parseBureauWebhook(headersFor(body), body, SECRET, { ...options, replayGuard }).isOk()).toBe(true);
    expect(parseBureauWebhook(headersFor(body, seconds + 5), body, SECRET, { now: () => NOW + 5000, replayGuard })._unsafeUnwrapErr().code).toBe('webhook_replayed');
    expect(replayGuard.size).toBe(1);
  });

  it('refuses a signed body that is not an event, without echoing it', () => {
    const secretBody = JSON.stringify({ id: 'evt-3', type: 'registration.registered', data: { cpf: '12345678909' } });
    const refused = parseBureauWebhook(headersFor(secretBody), secretBody, SECRET, options)._unsafeUnwrapErr();
    expect(refused.code).toBe('webhook_malformed');
    expect(refused.message).not.toContain('12345678909');
    expect(parseBureauWebhook(headersFor('{oops'), '{oops', SECRET, options)._unsafeUnwrapErr().code).toBe('webhook_malformed');
  });

  it('accepts either secret during a rotation, and header names in any case', () => {
    const headers = headersFor(body, seconds, 'new-secret');
    expect(parseBureauWebhook(headers, body, ['new-secret', SECRET], options).isOk()).toBe(true);
    expect(parseBureauWebhook({ 'X-Bureau-Timestamp': headers['x-bureau-timestamp'], 'X-Bureau-Signature': headers['x-bureau-signature'] }, body, 'new-secret', options).isOk()).toBe(true);
  });
});
