import { brazilianCalendar } from '../../src/calendar/index.js';
import { defineRuler, resolveSettings, type ResolvedSettings, type Ruler, type RulerInvoice, type RulerSpec } from '../../src/ruler/index.js';

/** The worked-example ruler of the issue: D-3 e-mail, D+1 SMS, D+10 forward, D+15 negativate. */
export const exampleSpec: RulerSpec = {
  id: 'regua-padrao',
  steps: [
    { id: 'lembrete-email', offsetDays: -3, action: { kind: 'notify', channel: 'email', template: 'lembrete' } },
    { id: 'atraso-sms', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 'atraso', text: 'Sua fatura venceu. Pague pelo app.' } },
    { id: 'encaminhar', offsetDays: 10, action: { kind: 'forward_to_collections' } },
    { id: 'negativar', offsetDays: 15, action: { kind: 'negativate' } },
  ],
};

export function rulerOf(spec: unknown): Ruler {
  const ruler = defineRuler(spec as never);
  if (ruler.isErr()) throw new Error(ruler.error.message);
  return ruler.value;
}

export function settingsOf(general: unknown = {}, branch: unknown = {}, contract: unknown = {}): ResolvedSettings {
  const settings = resolveSettings(general as never, branch as never, contract as never);
  if (settings.isErr()) throw new Error(settings.error.message);
  return settings.value;
}

export const exampleRuler = rulerOf(exampleSpec);
/** Automatic registration on, so the negativate step produces requests. */
export const autoSettings = settingsOf({ registerAutomatically: 'yes' });
export const calendar = brazilianCalendar();

export function invoice(id: string, dueDate: string, extra: Partial<RulerInvoice> = {}): RulerInvoice {
  return { id, customerId: `c-${id}`, dueDate, amount: { cents: 10_000 }, ...extra };
}

/** An instant in São Paulo (UTC−3, no DST since 2019). */
export function at(date: string, time = '10:00'): string {
  return `${date}T${time}:00-03:00`;
}
