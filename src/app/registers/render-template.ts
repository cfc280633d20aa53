import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, type ErrorPath } from '../../errors.js';
import type { CollectionsError } from '../errors.js';

/**
 * The placeholders an e-mail template may use (seed 004's "Modelo de Email"):
 * the customer, the invoices attached with their amounts and due dates, the
 * amount owed, and the creditor's name and CNPJ (CDC art. 42-A asks every
 * collection document to identify the creditor).
 */
const TEMPLATE_PLACEHOLDERS = ['customerName', 'invoices', 'amount', 'dueDates', 'creditorName', 'creditorDocument'] as const;

/** One placeholder name. */
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/** The placeholders a text uses, in order of first use. */
function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/** Checks that a text names only known placeholders (`template_placeholder_unknown` at `path`). */
export function checkPlaceholders(text: string, path: ErrorPath): Result<void, CollectionsError> {
  const unknown = placeholdersOf(text).filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    return err(cobrancaError('template_placeholder_unknown', `unknown placeholder ${unknown.map((n) => `{{${n}}}`).join(', ')}; known: ${TEMPLATE_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', ')}`, { path, details: { unknown } }));
  }
  return ok(undefined);
}

/**
 * Fills a template's `{{placeholders}}`, checked before anything is sent: an
 * unknown placeholder is `template_placeholder_unknown`, a known one with no
 * value (no invoices attached for `{{invoices}}`) is
 * `template_placeholder_missing`, each naming them, at `path`.
 */
export function renderTemplate(text: string, values: Partial<Record<TemplatePlaceholder, string>>, path: ErrorPath): Result<string, CollectionsError> {
  const known = checkPlaceholders(text, path);
  if (known.isErr()) return err(known.error);
  const missing = placeholdersOf(text).filter((name) => values[name as TemplatePlaceholder] === undefined);
  if (missing.length > 0) {
    return err(cobrancaError('template_placeholder_missing', `no value for ${missing.map((n) => `{{${n}}}`).join(', ')}: attach the invoices or fill the customer's data before sending`, { path, details: { missing } }));
  }
  return ok(text.replace(PLACEHOLDER, (_all, name: string) => values[name as TemplatePlaceholder] ?? ''));
}
