import { brazilianCalendar } from '../../src/calendar/index.js';
import { startProtest, transitionProtest, type Protest, type ProtestEffect, type ProtestEventInput, type ProtestRequestInput } from '../../src/protest/index.js';

/** The national banking calendar (20 November is a holiday from 2024). */
export const calendar = brazilianCalendar();

/** A valid request: R$ 373,52 due 2026-10-01, sent to protest on 2026-11-16. */
export function protestRequest(overrides: Record<string, unknown> = {}): ProtestRequestInput {
  return {
    id: 'pro-1',
    notary: '1º Tabelionato de Protesto de Curitiba',
    creditor: { id: 'cred-1', name: 'Provedor Exemplo Ltda', document: '11.222.333/0001-81' },
    debtor: { document: '123.456.789-09', name: 'Maria da Silva', address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'Curitiba', state: 'PR', cep: '80010-000' } },
    title: { id: 'inv-1', amount: '373.52', dueDate: '2026-10-01' },
    on: '2026-11-16',
    actor: 'op-ana',
    ...overrides,
  } as ProtestRequestInput;
}

/** Starts a protest from {@link protestRequest}, failing the test if refused. */
export function requested(overrides: Record<string, unknown> = {}): Protest {
  const result = startProtest(protestRequest(overrides));
  if (result.isErr()) throw new Error(`startProtest refused: ${result.error.message}`);
  return result.value.protest;
}

/** Applies events in order, failing the test on the first error; returns the last protest and every effect. */
export function play(protest: Protest, events: readonly ProtestEventInput[]): { protest: Protest; effects: ProtestEffect[] } {
  let current = protest;
  const effects: ProtestEffect[] = [];
  for (const [index, event] of events.entries()) {
    const result = transitionProtest(current, event, { calendar });
    if (result.isErr()) throw new Error(`event ${index} (${event.type}) refused: ${result.error.message}`);
    current = result.value.protest;
    effects.push(...result.value.effects);
  }
  return { protest: current, effects };
}

const by = (on: string) => ({ on, actor: 'cartorio' });

/** Protocolled Thu 2026-11-19: the art. 12 window runs to Wed 25 (Fri 20 is a holiday). */
export const protocolled: ProtestEventInput = { type: 'protocolled', ...by('2026-11-19'), protocolNumber: 'PROT-2026-0001' };
export const electronicNotice: ProtestEventInput = { type: 'notice_sent', ...by('2026-11-19'), channel: 'electronic' };
export const paperNotice: ProtestEventInput = { type: 'notice_sent', ...by('2026-11-24'), channel: 'paper' };
export const registeredOn = (on: string): ProtestEventInput => ({ type: 'protest_registered', ...by(on) });
