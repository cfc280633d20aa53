import * as z from 'zod';
import { parseCivilDate, type CivilDate } from './civil-date.js';

/** zod schema for a civil date `YYYY-MM-DD`; outputs a {@link CivilDate}. */
export const civilDateSchema = /* @__PURE__ */ z.custom<string>().transform((value, ctx): CivilDate => {
  const parsed = parseCivilDate(value);
  if (parsed.isOk()) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { code: parsed.error.code } });
  return z.NEVER;
});
