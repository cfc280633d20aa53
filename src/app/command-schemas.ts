/**
 * The command schemas of `createCollections`, for hosts that validate at their
 * own edge (`cobranca/commands`): zod schemas only, without the application.
 * @module commands
 */
import type * as z from 'zod';
import { addAttachmentSchema, attachmentChangeSchema } from './account/attachments.js';
import { addCommentSchema } from './account/comments.js';
import { confirmCollectionSchema } from './account/confirm-collection.js';
import { sendEmailSchema, sendMessageSchema } from './account/messages.js';
import { startCollectionSchema } from './account/start-collection.js';
import { cancelTaskSchema, completeTaskSchema, createTaskSchema, editTaskSchema } from './account/tasks.js';
import { cancelAgreementSchema } from './agreements/cancel-agreement.js';
import { negotiateSchema, previewAgreementSchema } from './agreements/build-agreement.js';
import { dailyCycleInputSchema } from './cycle/run-daily-cycle.js';
import { settleEffectSchema } from './effects/settle-effect.js';
import { upsertCustomersSchema } from './imports/upsert-customers.js';
import { upsertInvoicesSchema } from './imports/upsert-invoices.js';
import { recordNoticeReadSchema } from './negativation/notice-read.js';
import { cancelNegativationSchema, requestRemovalSchema } from './negativation/removal-and-cancel.js';
import { requestNegativationSchema } from './negativation/request-negativation.js';
import { importReturnFileSchema } from './payments/import-return-file.js';
import { owedNowSchema } from './payments/owed-now.js';
import { recordDisputeSchema, resolveDisputeSchema } from './disputes/disputes.js';
import { recordPaymentSchema } from './payments/record-payment.js';
import { recordProtestEventSchema } from './protest/record-protest-event.js';
import { requestProtestSchema } from './protest/request-protest.js';
import { createCategorySchema, deactivateCategorySchema, renameCategorySchema } from './registers/categories.js';
import { createEmailTemplateSchema, deactivateEmailTemplateSchema } from './registers/email-templates.js';
import { addToSpcControlSchema, convertSpcControlSchema, removeFromSpcControlSchema } from './spc-control/spc-control.js';

/**
 * The run-time schema of every command of `createCollections` that takes an
 * input, by command name: the same zod schema the command parses with, for a
 * host that validates at its own edge (an HTTP handler, a queue consumer)
 * before calling the command. Each command's parameter type is
 * `InputOf<typeof commandSchemas[name]>`. Strict: an unknown field is an issue.
 * Import them from `cobranca/commands` to validate without bundling the application.
 * @example
 * ```ts
 * import { commandSchemas } from 'cobranca/commands';
 *
 * const body: unknown = JSON.parse('{"idempotencyKey":"pix-e2e-1","actor":"pix-webhook","invoiceId":"inv-1","amount":"373.52","paidOn":"2026-11-20"}');
 * const parsed = commandSchemas.recordPayment.safeParse(body);
 * if (!parsed.success) throw new Error(parsed.error.message);
 * console.log(parsed.data.invoiceId); // inv-1
 * ```
 */
export const commandSchemas = {
  runDailyCycle: dailyCycleInputSchema,
  settleEffect: settleEffectSchema,
  upsertCustomers: upsertCustomersSchema,
  upsertInvoices: upsertInvoicesSchema,
  startCollection: startCollectionSchema,
  confirmCollection: confirmCollectionSchema,
  addComment: addCommentSchema,
  addAttachment: addAttachmentSchema,
  describeAttachment: attachmentChangeSchema,
  removeAttachment: attachmentChangeSchema,
  sendEmail: sendEmailSchema,
  sendMessage: sendMessageSchema,
  createTask: createTaskSchema,
  editTask: editTaskSchema,
  cancelTask: cancelTaskSchema,
  completeTask: completeTaskSchema,
  previewAgreement: previewAgreementSchema,
  negotiate: negotiateSchema,
  cancelAgreement: cancelAgreementSchema,
  createAgreementCategory: createCategorySchema,
  renameAgreementCategory: renameCategorySchema,
  deactivateAgreementCategory: deactivateCategorySchema,
  createEmailTemplate: createEmailTemplateSchema,
  deactivateEmailTemplate: deactivateEmailTemplateSchema,
  owedNow: owedNowSchema,
  recordDispute: recordDisputeSchema,
  resolveDispute: resolveDisputeSchema,
  recordPayment: recordPaymentSchema,
  importReturnFile: importReturnFileSchema,
  requestNegativation: requestNegativationSchema,
  requestRemoval: requestRemovalSchema,
  cancelNegativation: cancelNegativationSchema,
  recordNoticeRead: recordNoticeReadSchema,
  addToSpcControl: addToSpcControlSchema,
  removeFromSpcControl: removeFromSpcControlSchema,
  convertSpcControl: convertSpcControlSchema,
  requestProtest: requestProtestSchema,
  recordProtestEvent: recordProtestEventSchema,
} as const satisfies Readonly<Record<string, z.ZodType>>;

/** The name of a command that takes an input (a key of {@link commandSchemas}). */
export type CommandName = keyof typeof commandSchemas;

/** What a command takes, as a host writes it (the schema's input type): `CommandInput<'recordPayment'>`. */
export type CommandInput<K extends CommandName> = z.input<(typeof commandSchemas)[K]>;

/** What a command works with once its input is parsed (defaults filled in, amounts as `Money`). */
export type ParsedCommand<K extends CommandName> = z.output<(typeof commandSchemas)[K]>;
