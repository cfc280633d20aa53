import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, type ErrorPath } from '../errors.js';
import type { RulerError } from './errors.js';

/** Characters of the GSM 03.38 basic set (one septet each). */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters of the GSM 03.38 extension table (two septets each: escape + char). */
const GSM_EXTENDED = '^{}\\[~]|€\f';
const BASIC = new Set(Array.from(GSM_BASIC));
const EXTENDED = new Set(Array.from(GSM_EXTENDED));

/** How an SMS text is encoded and how many characters it uses against its limit. */
export interface SmsLength {
  /** `gsm7` when every character is in the GSM 03.38 alphabet, else `ucs2`. */
  readonly encoding: 'gsm7' | 'ucs2';
  /** Characters counted against the limit (GSM extension characters count twice; UCS-2 counts UTF-16 units). */
  readonly length: number;
  /** The single-message limit: 160 for GSM-7, 70 for UCS-2. */
  readonly limit: 160 | 70;
}

/**
 * Measures an SMS text (docs/legal.md §4): 160 GSM-7 characters, or 70 as soon as one
 * character outside the GSM alphabet (á, ã, ç, emoji …) is present.
 * @example
 * ```ts
 * import { smsLength } from 'cobranca/ruler';
 *
 * console.log(smsLength('ACME: sua fatura venceu. Pague pelo PIX.'));
 * console.log(smsLength('ACME: sua fatura não foi paga.')); // 'ã' is outside GSM-7: 70 characters per message
 * // → { encoding: 'gsm7', length: 40, limit: 160 }
 * // → { encoding: 'ucs2', length: 30, limit: 70 }
 * ```
 */
export function smsLength(text: string): SmsLength {
  let septets = 0;
  for (const char of text) {
    if (BASIC.has(char)) septets += 1;
    else if (EXTENDED.has(char)) septets += 2;
    else return { encoding: 'ucs2', length: text.length, limit: 70 };
  }
  return { encoding: 'gsm7', length: septets, limit: 160 };
}

/**
 * Accepts an SMS text that fits one message; `sms_too_long` (with the measure in `details`) otherwise.
 * @example
 * ```ts
 * import { checkSmsText } from 'cobranca/ruler';
 *
 * const text = 'Olá, Maria! Sua fatura de R$ 373,52 venceu em 13/10. Evite a negativação: pague hoje pelo PIX ou boleto.';
 * checkSmsText(text, ['steps', 1, 'action', 'text']).match(
 *   (fits) => console.log(fits.length),
 *   (error) => console.log(error.code, error.path?.join('.')),
 * );
 * // → sms_too_long steps.1.action.text
 * ```
 */
export function checkSmsText(text: string, path: ErrorPath = []): Result<string, RulerError> {
  if (typeof text !== 'string') return err(cobrancaError('invalid_input', `expected the SMS text as a string, got ${text === null ? 'null' : typeof text}`, { path }));
  const measure = smsLength(text);
  if (measure.length <= measure.limit) return ok(text);
  return err(
    cobrancaError('sms_too_long', `SMS text has ${measure.length} ${measure.encoding === 'gsm7' ? 'GSM-7' : 'UCS-2'} characters; the limit is ${measure.limit}`, {
      path,
      details: { ...measure },
    }),
  );
}
