import type { KernelErrorCode, CobrancaError } from '../errors.js';
import type { AgreementsErrorCode } from '../agreements/index.js';
import type { BankReturnErrorCode } from '../bank-returns/index.js';
import type { NegativationErrorCode } from '../negativation/index.js';
import type { PortfolioErrorCode } from '../portfolio/index.js';
import type { ProtestErrorCode } from '../protest/index.js';
import type { RulerErrorCode } from '../ruler/index.js';

/**
 * Error codes of the application layer (on top of the domain modules' own):
 * - `not_found`: a referenced customer, invoice, account, task … does not exist;
 * - `version_conflict`: someone else changed the record first; read again and retry;
 * - `idempotency_key_reused`: the key was used before for a different command or input;
 * - `invalid_state`: the command does not apply now (e.g. completing a cancelled task);
 * - `store_failure`: the store (or another port) failed; nothing was written;
 * - `unknown_bureau`: a request names a bureau with no gateway;
 * - `terms_not_accepted`: a manual registration without the operator's acceptance of the terms;
 * - `template_inactive`, `template_placeholder_unknown`, `template_placeholder_missing`: e-mail templates;
 * - `category_unknown`, `category_inactive`, `duplicate_name`: the agreement-category and template registers;
 * - `preview_stale`: `expectedTotal` differs from the agreement computed now;
 * - `account_plan_missing`: a non-zero agreement component has no chart-of-accounts code;
 * - `contradictory_configuration`: `createCollections` options that contradict each other (see `checkConfiguration`);
 * - `missing_contact`: a ruler notify step for a customer with no contact on its channel (a refused step of the daily cycle; an `alert_operator` effect is queued).
 */
export type AppErrorCode =
  | 'not_found'
  | 'version_conflict'
  | 'idempotency_key_reused'
  | 'invalid_state'
  | 'store_failure'
  | 'unknown_bureau'
  | 'terms_not_accepted'
  | 'template_inactive'
  | 'template_placeholder_unknown'
  | 'template_placeholder_missing'
  | 'category_unknown'
  | 'category_inactive'
  | 'duplicate_name'
  | 'preview_stale'
  | 'account_plan_missing'
  | 'contradictory_configuration'
  | 'missing_contact'
  /** `upsertInvoices`: a paid invoice, or one an agreement holds, keeps its amount, due date, customer and status. */
  | 'invoice_not_editable';

/** Every code a command of `createCollections` can return: the application's own and those of the kernel and domain modules it runs. */
export type CollectionsErrorCode = AppErrorCode | KernelErrorCode | AgreementsErrorCode | NegativationErrorCode | ProtestErrorCode | RulerErrorCode | BankReturnErrorCode | PortfolioErrorCode;

/** The error of every `createCollections` command and of `createCollections` itself: switch on `code`, a literal union. */
export type CollectionsError = CobrancaError<CollectionsErrorCode>;
