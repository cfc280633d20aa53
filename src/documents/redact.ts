import { cnpjCheckDigits } from './check-digits.js';
import { maskTaxId } from './mask.js';

/**
 * Masks of personal data (LGPD) in free text, e-mails and phones (documents,
 * names and CEPs: `mask.ts`): what an error, alert, key, audit entry or log line
 * may show. Every function here runs in linear time on any input.
 */

/** Longest input text an error or log line echoes; the rest is cut (with its length said). */
export const MAX_ECHO_LENGTH = 200;

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** How many ASCII digits `text` holds (a digit run is ASCII: counted by code unit, with no array built). */
function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) count++;
  }
  return count;
}

/** Masks the digits of a run of a document or phone number, keeping its punctuation. */
function maskDigitRun(run: string): string {
  const count = digitCount(run);
  // A CPF (or an 11-digit phone) keeps its middle six digits; longer or shorter numbers keep four digits before the last two.
  const keepFrom = count === 11 ? 3 : count - 6;
  const keepTo = count - 2;
  let index = 0;
  let out = '';
  // A run is ASCII (digits, punctuation, spaces): walked by code unit.
  for (let i = 0; i < run.length; i++) {
    const c = run.charAt(i);
    if (!isDigit(c)) {
      out += c;
      continue;
    }
    out += index >= keepFrom && index < keepTo ? c : '*';
    index++;
  }
  return out;
}

/**
 * An e-mail masked: `'maria.souza@example.com'` → `'m***@example.com'`.
 * @example
 * ```ts
 * import { maskEmail } from 'cobranca/documents';
 *
 * console.log(maskEmail('maria.souza@exemplo.com.br')); // → m***@exemplo.com.br
 * ```
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at, at + 1 + 253)}`;
}

/**
 * A phone number masked: only its last four digits show (`'+55 11 98765-4321'` → `'***-4321'`).
 * @example
 * ```ts
 * import { maskPhone } from 'cobranca/documents';
 *
 * console.log(maskPhone('+55 41 98765-4321')); // → ***-4321
 * ```
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `***-${digits.slice(-4)}`;
}

const LOCAL_PART = /[A-Za-z0-9._%+-]/;
const DOMAIN_PART = /[A-Za-z0-9.-]/;
/** A run that may be a document or a phone: starts and ends with a digit, digits and punctuation between, single spaces only between digits (each character matches one way: linear). */
const DIGIT_RUN = /[0-9](?:[0-9.\-/()]| (?=[0-9]))*[0-9]/g;
/** Parts of a run that are not personal data: a civil date, or an amount written with thousands dots. */
const HARMLESS_PART = /^(?:\d{4}-\d{2}-\d{2}|\d{1,3}(?:\.\d{3})+)$/;

/** How a phone is written and a CPF or CNPJ never is: a parenthesis or space (`(41) 98765-4321`), or four digits after the last hyphen. */
const PHONE_SHAPE = /[() ]|-\d{4}$/;

function maskRun(run: string): string {
  if (digitCount(run) < 8) return run;
  if (run.includes(' ') ? run.split(' ').every((part) => HARMLESS_PART.test(part)) : HARMLESS_PART.test(run)) return run;
  return PHONE_SHAPE.test(run) ? maskPhoneRun(run) : maskDigitRun(run);
}

/** A phone in free text: its punctuation kept, only its last four digits shown (as {@link maskPhone}). */
function maskPhoneRun(run: string): string {
  let remaining = digitCount(run);
  let out = '';
  for (let i = 0; i < run.length; i++) {
    const c = run.charAt(i);
    if (!isDigit(c)) out += c;
    else out += remaining-- <= 4 ? c : '*';
  }
  return out;
}
/** An alphanumeric CNPJ, bare or punctuated (fixed length: linear). */
const ALPHANUMERIC_CNPJ = /[0-9A-Z]{2}\.?[0-9A-Z]{3}\.?[0-9A-Z]{3}\/?[0-9A-Z]{4}-?[0-9]{2}/g;

function maskEmails(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > from && at - start < 64 && LOCAL_PART.test(text.charAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && end - at < 254 && DOMAIN_PART.test(text.charAt(end))) end++;
    const domain = text.slice(at + 1, end);
    if (start === at || !domain.includes('.')) continue;
    out += text.slice(from, start) + maskEmail(text.slice(start, end));
    from = end;
  }
  return out + text.slice(from);
}

/**
 * Masks every CPF, CNPJ (numeric or alphanumeric), phone number and e-mail in
 * free text, and cuts text longer than `maxLength` (default
 * {@link MAX_ECHO_LENGTH} × 10). A run of eight digits or more counts as a
 * document or phone. Linear in the text's length.
 * @example
 * ```ts
 * import { maskPersonalData } from 'cobranca/documents';
 *
 * // A bureau's error text, before it goes into a log or an alert.
 * console.log(maskPersonalData('CPF 529.982.247-25 recusado; contato maria.souza@exemplo.com.br; valor 1.234,56 em 2026-11-20'));
 * // → CPF ***.982.247-** recusado; contato m***@exemplo.com.br; valor 1.234,56 em 2026-11-20
 * console.log(maskPersonalData('fone (41) 98765-4321 ou +55 41 3333-1234'));
 * // → fone (**) *****-4321 ou +** ** ****-1234
 * ```
 */
export function maskPersonalData(text: string, maxLength = MAX_ECHO_LENGTH * 10): string {
  const cut = text.length > maxLength ? `${text.slice(0, maxLength)}… (${text.length} characters)` : text;
  return maskWhatMayHold(cut);
}

/**
 * {@link maskText}, running only the passes that could change `text`: the
 * alphanumeric CNPJ pass when it holds a capital letter and two digits (such a
 * CNPJ has a letter and ends in two check digits), the document and phone pass
 * when it holds eight digits or more (a run needs eight), the e-mail pass when it
 * holds an `@`. Most texts an audit line or alert carries (ids, dates, amounts,
 * words) need none and are returned as they are, with no regular expression run
 * on them. The property test `mask-shortcut` proves it answers what {@link maskText} does.
 */
function maskWhatMayHold(text: string): string {
  let digits = 0;
  let capital = false;
  let at = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 64) at = true;
    else if (c >= 65 && c <= 90) capital = true;
  }
  let out = text;
  if (capital && digits >= 2) out = maskAlphanumericCnpjs(out);
  // The CNPJ pass only turns characters into '*': the digits and '@' counted above still bound what follows.
  if (digits >= 8) out = maskDigitRuns(out);
  return at ? maskEmails(out) : out;
}

/** Masks every valid alphanumeric CNPJ in `text` (a numeric one is left to the digit runs). */
function maskAlphanumericCnpjs(text: string): string {
  return text.replace(ALPHANUMERIC_CNPJ, (match) => {
    const bare = match.replace(/[./-]/g, '');
    return /[A-Z]/.test(bare) && cnpjCheckDigits(bare.slice(0, 12)) === bare.slice(12) ? maskTaxId(bare) : match;
  });
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
/** `.`, `-`, `/`, `(` or `)`: punctuation a digit run may hold. */
const isRunPunctuation = (c: number): boolean => c === 46 || c === 45 || c === 47 || c === 40 || c === 41;

/** Whether the ten characters of `text` from `start` are a civil date (`2026-11-24`), which {@link HARMLESS_PART} lets through. */
function isCivilDateAt(text: string, start: number): boolean {
  for (let k = 0; k < 10; k++) {
    const c = text.charCodeAt(start + k);
    if (k === 4 || k === 7 ? c !== 45 : !isDigitCode(c)) return false;
  }
  return true;
}

/**
 * `text.replace(DIGIT_RUN, maskRun)` by hand: the same runs (a digit, then
 * digits, run punctuation or single spaces before a digit, up to the last
 * digit), each masked by {@link maskRun}, and no new string when none changes.
 */
function maskDigitRuns(text: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < text.length) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let last = i;
    let digits = 1;
    let j = i + 1;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (isDigitCode(c)) {
        last = j;
        digits++;
      } else if (!isRunPunctuation(c) && !(c === 32 && isDigitCode(text.charCodeAt(j + 1)))) break;
    }
    if (last === i) {
      // A lone digit: no run starts before the next character the span stopped at.
      i = j;
      continue;
    }
    const start = i;
    i = last + 1;
    // What maskRun leaves as it is, known without building the run: fewer than eight digits, or a civil date.
    if (digits < 8 || (last - start === 9 && isCivilDateAt(text, start))) continue;
    const run = text.slice(start, i);
    const masked = maskRun(run);
    if (masked !== run) {
      out += text.slice(from, start) + masked;
      from = i;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Masks the documents, phones and e-mails in `text` (already cut), every pass
 * by its regular expression: the reference {@link maskPersonalData} answers
 * exactly as (exported for the property test that proves its shortcuts change nothing).
 */
export function maskText(cut: string): string {
  const withoutCnpj = maskAlphanumericCnpjs(cut);
  const withoutNumbers = withoutCnpj.replace(DIGIT_RUN, maskRun);
  return maskEmails(withoutNumbers);
}

/**
 * An input echoed in a message: at most `max` characters (default {@link MAX_ECHO_LENGTH}), personal data masked.
 * @example
 * ```ts
 * import { echo } from 'cobranca/documents';
 *
 * // An input quoted in an error message: short, personal data masked.
 * console.log(echo('52998224725')); // → ***982247**
 * ```
 */
export function echo(input: unknown, max = MAX_ECHO_LENGTH): string {
  let text: string;
  try {
    text = typeof input === 'string' ? input : typeof input === 'bigint' ? `${input}n` : String(JSON.stringify(input) ?? String(input));
  } catch {
    text = Object.prototype.toString.call(input);
  }
  return maskPersonalData(text, max);
}

/** A would-be CPF or CNPJ as an error message may show it: masked (`'***.456.789-**'`), never whole, never long. */
export function shown(input: string): string {
  return `'${maskTaxId(input.slice(0, 40))}'`;
}

/**
 * A copy of plain data with personal data masked in every string (see
 * {@link maskPersonalData}): what an alert payload or an audit entry keeps.
 * Depth and size are bounded; a cycle or a non-plain value becomes a short note. Never throws.
 * @example
 * ```ts
 * import { maskDeep } from 'cobranca/documents';
 *
 * const masked = maskDeep({ debtor: { name: 'Maria Souza', document: '529.982.247-25', email: 'maria.souza@exemplo.com.br' }, amount: '1234.56' });
 * console.log(JSON.stringify(masked)); // → {"debtor":{"name":"Maria Souza","document":"***.982.247-**","email":"m***@exemplo.com.br"},"amount":"1234.56"}
 * ```
 */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? `${value}n` : value;
  if (depth > 8) return '[nested too deep]';
  if (Array.isArray(value)) {
    const length = Math.min(value.length, 1000);
    const items: unknown[] = new Array<unknown>(length);
    // A hole stays a hole, as a map over the array would leave it.
    for (let i = 0; i < length; i++) if (i in value) items[i] = maskDeep(value[i], depth + 1);
    return items;
  }
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  for (let i = 0; i < keys.length && i < 1000; i++) {
    const key = keys[i] as string;
    out[key] = maskDeep(record[key], depth + 1);
  }
  return out;
}
