import { describe, expect, it } from 'vitest';
import { createHttpBureauGateway, parseBureauWebhook, signBureauWebhook } from '../../../src/adapters/bureau-http/index.js';

/** Issue 12, defect 7 (found by test/fuzz once these joined it): bad input is a typed error, never a throw. */
const NOW = Date.parse('2026-11-03T13:00:00Z');
const body = JSON.stringify({ id: 'evt-1', type: 'registration.registered', occurredAt: '2026-11-03T12:59:58Z', data: { externalId: 'neg-1', reference: 'SIM-0000001' } });
const headers = { 'x-bureau-timestamp': String(NOW / 1000), 'x-bureau-signature': signBureauWebhook(body, 'segredo', NOW / 1000) };
const options = { now: () => NOW };
const code = (answer: { isErr(): boolean; error?: { code: string } } | { isErr(): boolean }): string | undefined => (answer.isErr() ? (answer as { error: { code: string } }).error.code : undefined);

describe('parseBureauWebhook refuses what a host did not wire right, without throwing', () => {
  it('the untouched webhook verifies (the cases below each break one thing)', () => {
    expect(parseBureauWebhook(headers, body, 'segredo', options).isOk()).toBe(true);
  });

  it.each<[string, () => ReturnType<typeof parseBureauWebhook>, string]>([
    ['no headers object', () => parseBureauWebhook(null as never, body, 'segredo', options), 'webhook_unsigned'],
    ['a header given as a list of numbers', () => parseBureauWebhook({ ...headers, 'x-bureau-signature': [1, 2] as never }, body, 'segredo', options), 'webhook_unsigned'],
    ['a body already parsed (an object, not the raw text)', () => parseBureauWebhook(headers, JSON.parse(body) as never, 'segredo', options), 'webhook_malformed'],
    ['an empty list of secrets', () => parseBureauWebhook(headers, body, [], options), 'webhook_forged'],
    ['a secret that is not a string', () => parseBureauWebhook(headers, body, [42] as never, options), 'webhook_forged'],
    ['options that are null', () => parseBureauWebhook(headers, body, 'segredo', null as never), 'invalid_input'],
    ['a clock that is not a function', () => parseBureauWebhook(headers, body, 'segredo', { now: 'agora' } as never), 'invalid_input'],
    ['a clock that answers no number', () => parseBureauWebhook(headers, body, 'segredo', { now: () => Number.NaN }), 'invalid_input'],
    ['a profile without a webhook reader', () => parseBureauWebhook(headers, body, 'segredo', { ...options, profile: {} as never }), 'invalid_input'],
  ])('%s', (_what, call, expected) => {
    expect(code(call())).toBe(expected);
  });
});

describe('createHttpBureauGateway refuses bad options without throwing', () => {
  it.each<[string, unknown]>([
    ['a base URL that is not a URL', { baseUrl: '9999-12-31' }],
    ['no options at all', null],
    ['a base URL that is not a string', { baseUrl: 42 }],
  ])('%s', (_what, input) => {
    expect(code(createHttpBureauGateway(input as never))).toBe('invalid_input');
  });
});
