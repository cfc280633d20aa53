import { invoiceOf, maria } from '../app/harness.js';

/**
 * Every member of the application `createCollections` builds, with a valid
 * input the fuzz mutates (test/fuzz/commands.test.ts); completeness.test.ts
 * checks that no member is missing. A label may fuzz a command a second way
 * (`requestNegativation withInvoiceIds`): `command` names the member.
 */
export interface CommandSubject {
  readonly command: string;
  readonly valid: unknown;
}

const base = { idempotencyKey: 'k-1', actor: 'op.ana' };
const proposal = { kind: 'keep_terms', selectedInvoiceIds: ['i1'], toleranceDate: '2026-12-15', category: 'acordo' };

/** What each fuzzed app starts with: Maria and two open invoices, as of 2026-11-20 10:00 in São Paulo. */
export const seededCustomers = [maria];
export const seededInvoices = [invoiceOf('i1', maria.id, '500.00', '2026-11-10'), invoiceOf('i2', maria.id, '120.00', '2026-10-10')];

const inputs: Record<string, unknown> = {
  startCollection: { ...base, customerId: maria.id, invoiceIds: ['i1'] },
  confirmCollection: { ...base, customerId: maria.id },
  addComment: { ...base, customerId: maria.id, text: 'ligou' },
  addAttachment: { ...base, customerId: maria.id, fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 10, uri: 's3://x/a.pdf' },
  describeAttachment: { ...base, customerId: maria.id, attachmentId: 'attachment-1', description: 'contrato' },
  removeAttachment: { ...base, customerId: maria.id, attachmentId: 'attachment-1' },
  sendEmail: { ...base, customerId: maria.id, to: ['maria@example.com'], subject: 'Fatura', text: 'Olá' },
  sendMessage: { ...base, customerId: maria.id, channel: 'sms', to: ['+5511999990000'], text: 'Olá' },
  createTask: { ...base, customerId: maria.id, title: 'Ligar', scheduledAt: '2026-11-20T10:00:00-03:00', assignee: 'ana' },
  editTask: { ...base, customerId: maria.id, taskId: 'task-1', title: 'Ligar de novo' },
  cancelTask: { ...base, customerId: maria.id, taskId: 'task-1', reason: 'pago' },
  completeTask: { ...base, customerId: maria.id, taskId: 'task-1', notes: 'feito' },
  accountHistory: maria.id,
  invoiceHistory: 'i1',
  previewAgreement: { actor: 'op.ana', customerId: maria.id, proposal },
  negotiate: { ...base, customerId: maria.id, proposal },
  cancelAgreement: { ...base, agreementId: 'agreement-1', reason: 'desistiu' },
  createAgreementCategory: { ...base, name: 'Acordo' },
  renameAgreementCategory: { ...base, categoryId: 'category-1', name: 'Renegociação' },
  deactivateAgreementCategory: { ...base, categoryId: 'category-1' },
  listAgreementCategories: undefined,
  createEmailTemplate: { ...base, name: 'Lembrete', subject: 'Fatura', body: 'Olá {{cliente}}' },
  deactivateEmailTemplate: { ...base, templateId: 'template-1' },
  listEmailTemplates: undefined,
  classifyNow: undefined,
  owedNow: { invoiceId: 'i1', on: '2026-11-25' },
  recordDispute: { ...base, invoiceId: 'i1', reason: 'não reconhece a compra' },
  resolveDispute: { ...base, invoiceId: 'i1', outcome: 'upheld' },
  recordPayment: { ...base, invoiceId: 'i1', amount: '10.00' },
  importReturnFile: { actor: 'op.ana', file: 'x'.repeat(400) },
  requestNegativation: { ...base, invoiceId: 'i1' },
  requestRemoval: { ...base, negativationId: 'negativation-1', reason: 'pago' },
  cancelNegativation: { ...base, negativationId: 'negativation-1', reason: 'erro' },
  recordNoticeRead: { ...base, negativationId: 'negativation-1', messageId: 'msg-1' },
  addToSpcControl: { ...base, invoiceId: 'i1' },
  removeFromSpcControl: { ...base, invoiceId: 'i1' },
  convertSpcControl: { ...base, invoiceId: 'i1' },
  requestProtest: { ...base, invoiceId: 'i1' },
  recordProtestEvent: { ...base, protestId: 'protest-1', event: { type: 'withdrawal_requested', reason: 'acordo' } },
  applyBureauReport: { negativationId: 'negativation-1', status: 'registered', protocol: 'P-1', at: '2026-11-20T10:00:00-03:00' },
  runDailyCycle: { asOf: '2026-11-20T10:00:00-03:00' },
  performEffects: undefined,
  pendingEffects: 10,
  settleEffect: { ...base, effectKey: 'no-such-effect', outcome: 'failed', reason: 'desligado' },
  upsertCustomers: { ...base, customers: [{ id: 'c-joao', name: 'João Lima', taxId: '111.444.777-35', kind: 'person', email: 'joao@example.com', phone: '+55 11 98888-7777', birthDate: '1980-05-01', address: { street: 'Rua A', number: '1', district: 'Centro', city: 'Curitiba', state: 'PR', cep: '80010-000' }, tags: ['vip'] }] },
  upsertInvoices: { ...base, invoices: [{ id: 'i3', customerId: maria.id, amount: '80.00', dueDate: '2026-11-30', negativate: true }, { id: 'i1', customerId: maria.id, amount: '500.00', dueDate: '2026-11-10', status: 'open' }] },
};

export const commandSubjects: Record<string, CommandSubject> = {
  ...Object.fromEntries(Object.entries(inputs).map(([command, valid]) => [command, { command, valid }])),
  'requestNegativation withInvoiceIds': { command: 'requestNegativation', valid: { ...base, invoiceId: 'i1', withInvoiceIds: ['i2'] } },
};
