import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskDeep } from '../../../src/documents/index.js';
import { actionDetails, skippedDetails } from '../../../src/app/cycle/apply-action.js';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** Personal data as it may turn up in a step id, a key or a reason: documents, e-mails, phones, names. */
const cpf = digits(11).chain((d) => fc.constantFrom(d, `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`));
const cnpj = fc.oneof(
  digits(14).chain((d) => fc.constantFrom(d, `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-${d.slice(12)}`)),
  fc.constantFrom('12ABC34501DE35', '12.ABC.345/01DE-35'),
);
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._]{0,12}$/), fc.stringMatching(/^[a-z]{1,10}\.(com|com\.br|org)$/)).map(([local, domain]) => `${local}@${domain}`);
const phone = digits(9).chain((d) => fc.constantFrom(`+55 11 ${d.slice(0, 5)}-${d.slice(5)}`, `(41) ${d.slice(0, 5)}-${d.slice(5)}`, `5511${d}`));
const name = fc.constantFrom('Maria Souza', 'José da Silva', 'ÉLIDA Conceição');
const personal = fc.oneof(cpf, cnpj, email, phone, name);
/** Any text: plain, an id or date as the ruler makes them, or personal data alone or inside other text. */
const text = fc.oneof(
  fc.string(),
  fc.constantFrom('atraso-sms', '12:regua-padrao|i|9:i00000001|atraso-sms', '2026-11-24', 'reminder_after_due', 'missing_contact'),
  personal,
  fc.tuple(fc.string({ maxLength: 8 }), personal, fc.string({ maxLength: 8 })).map(([a, p, b]) => `${a}${p}${b}`),
);

describe('ruler audit details masked by their shape', () => {
  it('are exactly what the deep mask makes of the same details, whatever every field holds', () => {
    fc.assert(
      fc.property(text, text, text, fc.option(text, { nil: undefined }), (stepId, key, scheduledFor, refused) => {
        const raw = refused === undefined ? { stepId, key, scheduledFor } : { stepId, key, scheduledFor, refused };
        expect(actionDetails({ stepId, key, scheduledFor: scheduledFor as never }, refused)).toStrictEqual(maskDeep(raw));
      }),
      { numRuns: 3_000 },
    );
    fc.assert(
      fc.property(text, text, fc.option(text, { nil: undefined }), (stepId, reason, supersededBy) => {
        const raw = supersededBy === undefined ? { stepId, reason } : { stepId, reason, supersededBy };
        expect(skippedDetails({ stepId, reason: reason as never, supersededBy })).toStrictEqual(maskDeep(raw));
      }),
      { numRuns: 3_000 },
    );
  });

  it('never keep a document, e-mail or phone in full, in any field', () => {
    fc.assert(
      fc.property(fc.oneof(cpf, cnpj, email, phone), fc.constantFrom(0, 1, 2, 3), (datum, field) => {
        const fields = ['atraso-sms', '12:regua-padrao|i|9:i00000001|atraso-sms', '2026-11-24', 'missing_contact'];
        fields[field] = `x ${datum} y`;
        const [stepId, key, scheduledFor, refused] = fields as [string, string, string, string];
        const stored = JSON.stringify([actionDetails({ stepId, key, scheduledFor: scheduledFor as never }, refused), skippedDetails({ stepId, reason: key as never, supersededBy: refused })]);
        expect(stored).not.toContain(datum);
      }),
      { numRuns: 2_000 },
    );
  });
});
