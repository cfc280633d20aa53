import * as z from 'zod';
import { parseTaxId, type TaxId } from './tax-id.js';

/** zod schema for a CPF or CNPJ (masked or bare); outputs a {@link TaxId}. */
export const taxIdSchema = /* @__PURE__ */ z.custom<string>().transform((value, ctx): TaxId => {
  const parsed = parseTaxId(value);
  if (parsed.isOk()) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { code: parsed.error.code, ...parsed.error.details } });
  return z.NEVER;
});
