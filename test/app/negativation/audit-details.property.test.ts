import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskDeep } from '../../../src/documents/index.js';
import { eventAuditDetails, requestAuditDetails } from '../../../src/app/negativation/audit-details.js';
import type { Policies } from '../../../src/app/policies.js';

/** An app as the request's details see it (its policies object is what its memo is kept by). */
const anApp = () => ({ policies: {} as Policies });
const app = anApp();

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** Personal data as it may turn up in a reason, an id or a setting's path: documents, e-mails, phones, names. */
const cpf = digits(11).chain((d) => fc.constantFrom(d, `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`));
const cnpj = digits(14).chain((d) => fc.constantFrom(d, `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-${d.slice(12)}`));
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._]{0,12}$/), fc.stringMatching(/^[a-z]{1,10}\.(com|com\.br|org)$/)).map(([local, domain]) => `${local}@${domain}`);
const phone = digits(9).chain((d) => fc.constantFrom(`+55 11 ${d.slice(0, 5)}-${d.slice(5)}`, `(41) ${d.slice(0, 5)}-${d.slice(5)}`, `5511${d}`));
const personal = fc.oneof(cpf, cnpj, email, phone, fc.constantFrom('Maria Souza', 'José da Silva'));
/** Any text: plain, an id, status or reason as the library makes them, or personal data alone or inside other text. */
const text = fc.oneof(
  fc.string(),
  fc.constantFrom('analysis_approved', 'in_analysis', 'processing', 'negativation-123', 'i00000042', '2026-11-24', 'automatic analysis: request guards passed; notice mode email'),
  personal,
  fc.tuple(fc.string({ maxLength: 8 }), personal, fc.string({ maxLength: 8 })).map(([a, p, b]) => `${a}${p}${b}`),
);
const path = fc.array(fc.oneof(text, fc.nat()), { maxLength: 4 });
/** Why a request was made, in the shapes the library builds (a setting or a ruler step, an operator's accepted terms) and any other. */
const authorization = fc.oneof(
  fc.record({ kind: fc.constant('setting'), setting: text, path, rulerId: fc.option(text, { nil: undefined }), stepId: fc.option(text, { nil: undefined }) }),
  fc.record({ kind: fc.constant('setting'), setting: text, path }),
  fc.record({ kind: fc.constant('terms'), acceptedBy: text, acceptedAt: text, version: text }),
  fc.jsonValue(),
);
const why = fc
  .record(
    {
      origin: text,
      authorization,
      bureau: text,
      bureauSource: text,
      bureauSetting: fc.option(path, { nil: undefined }),
      registration: fc.record({ id: text, titleIds: fc.array(text, { maxLength: 4 }) }),
    },
    { requiredKeys: ['origin', 'authorization', 'bureau', 'bureauSource'] },
  )
  .map((w) => w as Record<string, unknown>);

describe('negativation audit details masked once by their shape', () => {
  it('an event: both lines exactly what the deep mask makes of their details, whatever each field holds', () => {
    fc.assert(
      fc.property(text, text, text, text, fc.option(fc.oneof(text, fc.constant(''), fc.jsonValue()), { nil: undefined }), (type, from, to, negativationId, reason) => {
        const event = reason === undefined ? { type } : { type, reason };
        const details = event.reason ? { event: type, from, to, reason: event.reason } : { event: type, from, to };
        const lines = eventAuditDetails(event, from, to, negativationId);
        expect(lines.negativation).toStrictEqual(maskDeep(details));
        expect(lines.invoice).toStrictEqual(maskDeep(Object.assign({}, details, { negativationId })));
        expect(JSON.stringify(lines.invoice)).toBe(JSON.stringify(maskDeep(Object.assign({}, details, { negativationId }))));
      }),
      { numRuns: 3_000 },
    );
  });

  it('a request: both lines exactly what the deep mask makes of their details, keys in the same order, the caller\'s objects untouched', () => {
    fc.assert(
      fc.property(why, text, text, (given, invoiceId, negativationId) => {
        const before = JSON.stringify(given);
        const lines = requestAuditDetails(app, given, invoiceId, negativationId);
        const onNegativation = maskDeep(Object.assign({}, given, { invoiceId }));
        const onInvoice = maskDeep(Object.assign({}, given, { negativationId }));
        expect(lines.negativation).toStrictEqual(onNegativation);
        expect(lines.invoice).toStrictEqual(onInvoice);
        expect(JSON.stringify(lines.negativation)).toBe(JSON.stringify(onNegativation));
        expect(JSON.stringify(lines.invoice)).toBe(JSON.stringify(onInvoice));
        expect(JSON.stringify(given)).toBe(before);
      }),
      { numRuns: 2_000 },
    );
  });

  it('a run of requests: each one\'s lines what the deep mask makes of its own details, whether its parts repeat the last one\'s, differ, or were changed in place since', () => {
    const small = fc.constantFrom('a', 'b', '529.982.247-25', 0, -0, Number.NaN, null, undefined);
    const part = fc.oneof(
      fc.array(small, { maxLength: 3 }),
      fc.record({ kind: fc.constantFrom('setting', 'terms'), setting: small, path: fc.array(small, { maxLength: 3 }) }, { requiredKeys: ['kind'] }),
      fc.record({ setting: small, kind: fc.constantFrom('setting', 'terms') }),
      fc.constant(Object.assign(Object.create(null) as object, { kind: 'setting' })),
      fc.constant(Object.assign(new Array<unknown>(2), { 1: 'a' })),
      fc.constant({ nested: { deep: 'x' } }),
    );
    const request = fc.record({ authorization: part, bureauSetting: part, mutate: fc.boolean() });
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 12 }), (run) => {
        let previous: Record<string, unknown> | undefined;
        for (const { authorization, bureauSetting, mutate } of run) {
          // Repeat the previous request's very objects after changing them in place, or give fresh ones.
          let given: Record<string, unknown>;
          if (mutate && previous !== undefined) {
            const reused = previous['authorization'];
            if (Array.isArray(reused)) reused.push('b');
            else if (reused !== null && typeof reused === 'object') (reused as Record<string, unknown>)['setting'] = '529.982.247-25';
            given = previous;
          } else given = { origin: 'automatic', authorization: structuredClone(authorization), bureau: 'serasa', bureauSource: 'library', bureauSetting: structuredClone(bureauSetting) };
          const lines = requestAuditDetails(app, given, 'i1', 'negativation-1');
          expect(lines.negativation).toStrictEqual(maskDeep(Object.assign({}, given, { invoiceId: 'i1' })));
          expect(JSON.stringify(lines.invoice)).toBe(JSON.stringify(maskDeep(Object.assign({}, given, { negativationId: 'negativation-1' }))));
          previous = given;
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('never keep a document, e-mail or phone in full, in any field', () => {
    fc.assert(
      fc.property(fc.oneof(cpf, cnpj, email, phone), fc.constantFrom(0, 1, 2, 3, 4, 5), (datum, field) => {
        const fields = ['automatic-negativation:i00000001', 'registerAutomatically', 'serasa', 'analysis_approved', 'i00000001', 'negativation-1'];
        fields[field] = `x ${datum} y`;
        const [reason, setting, bureau, type, invoiceId, negativationId] = fields as [string, string, string, string, string, string];
        const request = requestAuditDetails(app, { origin: 'automatic', authorization: { kind: 'setting', setting, path: ['settings', setting] }, bureau, bureauSource: 'settings', registration: { id: reason, titleIds: [invoiceId] } }, invoiceId, negativationId);
        const event = eventAuditDetails({ type, reason }, 'in_analysis', 'processing', negativationId);
        expect(JSON.stringify([request, event])).not.toContain(datum);
      }),
      { numRuns: 2_000 },
    );
  });

  it('a part repeated by one app is its own last masked part again; another app in the same process never gets that app\'s', () => {
    const why = () => ({ origin: 'automatic', authorization: { kind: 'setting', setting: 'registerAutomatically', path: ['settings', 'general', 'registerAutomatically'] }, bureau: 'serasa', bureauSource: 'library' });
    const first = anApp();
    const second = anApp();
    const a1 = requestAuditDetails(first, why(), 'i1', 'negativation-1');
    const b1 = requestAuditDetails(second, why(), 'i2', 'negativation-2');
    const a2 = requestAuditDetails(first, why(), 'i3', 'negativation-3');
    expect(b1.negativation['authorization']).toStrictEqual(a1.negativation['authorization']);
    expect(b1.negativation['authorization']).not.toBe(a1.negativation['authorization']);
    expect(a2.negativation['authorization']).toBe(a1.negativation['authorization']);
  });
});
