import { expect } from 'vitest';
import { brazilianCalendar } from '../../src/calendar/index.js';
import { startNegativation, transition, type Negativation, type NegativationEffect, type NegativationEventInput, type NegativationRequestInput } from '../../src/negativation/index.js';

/** The national banking calendar (20 November is a holiday from 2024). */
export const calendar = brazilianCalendar();

export const debtor = {
  document: '123.456.789-09',
  name: 'Maria da Silva',
  address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'Curitiba', state: 'PR', cep: '80010-000' },
  email: 'maria@example.com',
};

export const creditor = { id: 'cred-1', name: 'Provedor Exemplo Ltda', document: '11.222.333/0001-81' };

/** A valid request: R$ 373,52 due 2026-09-10, requested 2026-10-20 (40 days late); `overrides` may break it on purpose. */
export function requestInput(overrides: Record<string, unknown> = {}): NegativationRequestInput {
  return {
    id: 'neg-1',
    origin: 'negativation_menu',
    bureau: 'boa_vista',
    creditor,
    debtor,
    title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
    on: '2026-10-20',
    actor: 'op-ana',
    ...overrides,
  } as NegativationRequestInput;
}

/** Starts a negativation from {@link requestInput}, failing the test if refused. */
export function started(overrides: Record<string, unknown> = {}): Negativation {
  const result = startNegativation(requestInput(overrides));
  if (result.isErr()) throw new Error(`startNegativation refused: ${result.error.message}`);
  return result.value.negativation;
}

/** Applies events in order, failing the test on the first error; returns the last negativation and every effect. */
export function run(n: Negativation, events: readonly NegativationEventInput[]): { negativation: Negativation; effects: NegativationEffect[] } {
  let current = n;
  const effects: NegativationEffect[] = [];
  for (const event of events) {
    const result = transition(current, event, { calendar });
    if (result.isErr()) throw new Error(`${event.type} on ${event.on} refused: ${result.error.code}: ${result.error.message}`);
    current = result.value.negativation;
    effects.push(...result.value.effects);
  }
  return { negativation: current, effects };
}

/** The internal analysis approves on the request day. */
export const approval: NegativationEventInput = { type: 'analysis_approved', on: '2026-10-20', actor: 'op-ana' };

/** Events that take a request through approval and a letter sent on 2026-10-21. */
export const approvedAndNotified: NegativationEventInput[] = [approval, { type: 'notice_sent', on: '2026-10-21', actor: 'boa_vista', channel: 'letter', proofOfPosting: 'AR-BR-123' }];

/** …then submitted on day 10 after the notice and accepted by the bureau on 2026-11-03. */
export const negativatedEvents: NegativationEventInput[] = [
  ...approvedAndNotified,
  { type: 'submitted', on: '2026-10-31', actor: 'system' },
  { type: 'bureau_accepted', on: '2026-11-03', actor: 'boa_vista', bureauReference: 'BV-998' },
];

/** Expects `run` to refuse and leave the negativation untouched. */
export function expectRefusedUnchanged(n: Negativation, event: unknown, code: string): ReturnType<typeof transition> {
  const before = structuredClone(n);
  const result = transition(n, event as never, { calendar });
  expect(result.isErr()).toBe(true);
  expect(result._unsafeUnwrapErr().code).toBe(code);
  expect(n).toEqual(before);
  return result;
}
