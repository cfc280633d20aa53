import { describe, expect, it } from 'vitest';
import { harness, invoiceOf, maria } from './harness.js';

const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });

async function setup() {
  // Tuesday 3 Nov 2026, 10:00: inside the contact window.
  const h = await harness({}, '2026-11-03T10:00:00-03:00');
  await h.seed([maria], [invoiceOf('i1', maria.id, '300.00', '2026-10-01', { description: 'Mensalidade outubro' }), invoiceOf('i2', maria.id, '100.00', '2026-12-01')]);
  (await h.app.startCollection({ ...op('start'), customerId: maria.id, invoiceIds: ['i1'] }))._unsafeUnwrap();
  return h;
}

const notifyPayloads = async (h: Awaited<ReturnType<typeof setup>>) => (await h.store.transaction((tx) => tx.outbox.all())).filter((e) => e.kind === 'notify').map((e) => e.payload as { text?: string; subject?: string; templateId?: string });

describe("seed 004's e-mail templates", () => {
  it('renders customer, invoices, amounts owed today, due dates and the creditor (CDC art. 42-A) before queueing', async () => {
    const h = await setup();
    const template = (
      await h.app.createEmailTemplate({
        ...op('tpl'),
        name: 'Cobrança amigável',
        subject: 'Fatura em aberto — {{customerName}}',
        body: 'Olá {{customerName}},\n{{invoices}}\nTotal: {{amount}} (vencimentos {{dueDates}}).\n{{creditorName}}, CNPJ {{creditorDocument}}',
      })
    )._unsafeUnwrap();
    (await h.app.sendEmail({ ...op('mail'), customerId: maria.id, to: ['maria@example.com'], subject: 'Fatura em aberto — {{customerName}}', templateId: template.id, invoiceIds: ['i1'] }))._unsafeUnwrap();
    const [payload] = await notifyPayloads(h);
    // 300.00 due 1 Oct, 33 days late on 3 Nov: fine 6.00 + interest 300 × 1% × 33/30 = 3.30 → R$ 309,30 (the one owed-amount rule).
    expect(payload?.subject).toBe('Fatura em aberto — Maria Souza');
    expect(payload?.text).toBe('Olá Maria Souza,\nMensalidade outubro: R$ 309,30 (vencimento 01/10/2026)\nTotal: R$ 309,30 (vencimentos 01/10/2026).\nProvedor Internet Ltda, CNPJ 11.222.333/0001-81');
    expect(payload?.templateId).toBeUndefined();
  });

  it('a missing or unknown placeholder is refused before anything is queued; a free text gets the creditor line; save as template', async () => {
    const h = await setup();
    const before = JSON.stringify(h.store.snapshot());
    expect((await h.app.createEmailTemplate({ ...op('bad'), name: 'x', subject: 's', body: 'Olá {{cliente}}' }))._unsafeUnwrapErr()).toMatchObject({ code: 'template_placeholder_unknown', path: ['body'] });
    const template = (await h.app.createEmailTemplate({ ...op('tpl'), name: 'Lista', subject: 'Suas faturas', body: '{{invoices}}' }))._unsafeUnwrap();
    const afterTemplate = JSON.stringify(h.store.snapshot());
    expect(afterTemplate).not.toBe(before);
    const missing = await h.app.sendEmail({ ...op('mail-1'), customerId: maria.id, to: ['maria@example.com'], subject: 'Suas faturas', templateId: template.id });
    expect(missing._unsafeUnwrapErr()).toMatchObject({ code: 'template_placeholder_missing', path: ['templateId'], details: { missing: ['invoices'] } });
    expect(JSON.stringify(h.store.snapshot())).toBe(afterTemplate);

    (await h.app.sendEmail({ ...op('mail-2'), customerId: maria.id, to: ['maria@example.com'], subject: 'Lembrete', text: 'Prezada {{customerName}}, regularize {{amount}}.', invoiceIds: ['i1', 'i2'], saveAsTemplate: 'Lembrete simples' }))._unsafeUnwrap();
    const [payload] = await notifyPayloads(h);
    expect(payload?.text).toBe('Prezada Maria Souza, regularize R$ 409,30.\n\nProvedor Internet Ltda — CNPJ 11.222.333/0001-81');
    const saved = (await h.app.listEmailTemplates())._unsafeUnwrap().map((t) => [t.name, t.subject, t.body]);
    expect(saved).toEqual([['Lista', 'Suas faturas', '{{invoices}}'], ['Lembrete simples', 'Lembrete', 'Prezada {{customerName}}, regularize {{amount}}.']]);
    // @ts-expect-error an unknown field is a compile error as well as a run-time one
    expect((await h.app.sendEmail({ ...op('mail-3'), customerId: maria.id, to: ['maria@example.com'], subject: 's', text: 't', sendNow: true }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['sendNow'] });
  });
});
