import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harness, invoiceOf, maria } from '../app/harness.js';
import { CALL_BUDGET_MS, FUZZ_RUNS, FUZZ_SEED, checkAnswer, inputsFor } from './hostile.js';

/**
 * Issue 12, "What must show": every command of `createCollections` answers any
 * input with a Result (its promise never rejects), in bounded time, and
 * nothing is half-written on an error.
 */
const base = { idempotencyKey: 'k-1', actor: 'op.ana' };
const commands: Record<string, unknown> = {
  startCollection: { ...base, customerId: maria.id, invoiceIds: ['i1'] },
  confirmCollection: { ...base, customerId: maria.id },
  addComment: { ...base, customerId: maria.id, text: 'ligou' },
  addAttachment: { ...base, customerId: maria.id, fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 10, uri: 's3://x/a.pdf' },
  sendEmail: { ...base, customerId: maria.id, to: ['maria@example.com'], subject: 'Fatura', text: 'Olá' },
  sendMessage: { ...base, customerId: maria.id, channel: 'sms', to: ['+5511999990000'], text: 'Olá' },
  createTask: { ...base, customerId: maria.id, title: 'Ligar', scheduledAt: '2026-11-20T10:00:00-03:00', assignee: 'ana' },
  cancelTask: { ...base, customerId: maria.id, taskId: 'task-1', reason: 'pago' },
  negotiate: { ...base, customerId: maria.id, proposal: { kind: 'keep-terms', selectedInvoiceIds: ['i1'], toleranceDate: '2026-12-15', category: 'acordo' } },
  recordPayment: { ...base, invoiceId: 'i1', amount: '10.00' },
  requestNegativation: { ...base, invoiceId: 'i1' },
  recordNoticeRead: { ...base, negativationId: 'negativation-1', messageId: 'msg-1' },
  requestRemoval: { ...base, negativationId: 'negativation-1', reason: 'pago' },
  cancelNegativation: { ...base, negativationId: 'negativation-1', reason: 'erro' },
  settleEffect: { ...base, effectKey: 'no-such-effect', outcome: 'failed', reason: 'desligado' },
  runDailyCycle: { asOf: '2026-11-20T10:00:00-03:00' },
  describeAttachment: { ...base, customerId: maria.id, attachmentId: 'attachment-1', description: 'contrato' },
  removeAttachment: { ...base, customerId: maria.id, attachmentId: 'attachment-1' },
  editTask: { ...base, customerId: maria.id, taskId: 'task-1', title: 'Ligar de novo' },
  completeTask: { ...base, customerId: maria.id, taskId: 'task-1', notes: 'feito' },
  previewAgreement: { actor: 'op.ana', customerId: maria.id, proposal: { kind: 'keep-terms', selectedInvoiceIds: ['i1'], toleranceDate: '2026-12-15', category: 'acordo' } },
  cancelAgreement: { ...base, agreementId: 'agreement-1', reason: 'desistiu' },
  importReturnFile: { actor: 'op.ana', file: 'x'.repeat(400) },
  addToSpcControl: { ...base, invoiceId: 'i1' },
  removeFromSpcControl: { ...base, invoiceId: 'i1' },
  convertSpcControl: { ...base, invoiceId: 'i1' },
  requestProtest: { ...base, invoiceId: 'i1' },
  recordProtestEvent: { ...base, protestId: 'protest-1', event: { type: 'withdrawal_requested', reason: 'acordo' } },
  applyBureauReport: { negativationId: 'negativation-1', status: 'registered', protocol: 'P-1', at: '2026-11-20T10:00:00-03:00' },
  accountHistory: maria.id,
  invoiceHistory: 'i1',
};

describe('fuzz: every command answers any input with a Result; its promise never rejects', () => {
  it.each(Object.entries(commands))('%s', async (name, valid) => {
    const { app, seed, clock } = await harness();
    await seed([maria], [invoiceOf('i1', maria.id, '500.00', '2026-11-10')]);
    clock.set('2026-11-20T10:00:00-03:00');
    const command = (app as unknown as Record<string, (input: unknown) => Promise<unknown>>)[name];
    expect(command, name).toBeTypeOf('function');
    const outcome = await fc.check(
      fc.asyncProperty(inputsFor(valid), async (input) => {
        const started = performance.now();
        let answer: unknown;
        try {
          answer = await (command as (input: unknown) => Promise<unknown>)(input);
        } catch (error) {
          throw new Error(`${name} rejected: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
        }
        const elapsed = performance.now() - started;
        if (elapsed > CALL_BUDGET_MS) throw new Error(`${name} took ${Math.round(elapsed)} ms`);
        checkAnswer(name, answer);
      }),
      { numRuns: Math.max(5, Math.round(FUZZ_RUNS / 2)), seed: FUZZ_SEED },
    );
    if (outcome.failed) expect.fail(`${String(outcome.errorInstance instanceof Error ? outcome.errorInstance.message : outcome.errorInstance).slice(0, 600)}\ninput: ${fc.stringify(outcome.counterexample).slice(0, 400)}`);
  });
});
