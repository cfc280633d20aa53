import { err, ok } from 'neverthrow';
import * as z from 'zod';
import { toDecimalString } from '../../money/index.js';
import type { BureauAnswer, BureauRegistration, BureauRemoval, BureauStatusQuery, BureauStatusReport } from '../../ports/index.js';
import type { BureauProfile, HttpCall, HttpReply } from './profile.js';

/** Options of {@link genericJsonProfile}. */
export interface GenericJsonProfileOptions {
  /** Nature-of-debt code sent when a registration names none (default `OO`, "outras operações"). */
  readonly natureOfDebt?: string;
  /** Removal reason → the bureau's reason code (merged over {@link GENERIC_REMOVAL_REASONS}). */
  readonly removalReasons?: Readonly<Record<string, string>>;
  /** Path prefix of the API (default `v1`). */
  readonly prefix?: string;
}

/** The generic profile's removal reason codes, by the library's removal reason. */
export const GENERIC_REMOVAL_REASONS: Readonly<Record<string, string>> = {
  paid: 'PAGAMENTO',
  agreement_installment: 'ACORDO',
  agreement: 'ACORDO',
  cancelled: 'CANCELAMENTO',
  age_limit: 'DECURSO_DE_PRAZO',
};

/** Body of a registration in the generic JSON API. */
export interface GenericRegistrationBody {
  readonly externalId: string;
  readonly debtor: {
    readonly document: string;
    readonly documentType: 'CPF' | 'CNPJ';
    readonly name: string;
    readonly birthDate?: string;
    readonly address?: { readonly street: string; readonly number: string; readonly complement?: string; readonly district?: string; readonly city: string; readonly state: string; readonly zipCode: string };
  };
  readonly creditor: { readonly document: string; readonly name: string };
  readonly debt: { readonly contract: string; readonly amount: string; readonly dueDate: string; readonly natureCode: string };
  /** When this title is one of several registered together (seed 000): the registration's id and every title in it. */
  readonly registration?: { readonly id: string; readonly titles: readonly string[] };
}

/** Body of a removal in the generic JSON API. */
export interface GenericRemovalBody {
  readonly reference?: string;
  readonly reasonCode: string;
  readonly date?: string;
}

const registrationReplySchema = z.object({
  reference: z.string().min(1),
  status: z.enum(['accepted', 'pending']),
});
const refusalReplySchema = z.object({
  status: z.literal('rejected'),
  reasonCode: z.string().min(1),
  reason: z.string().optional(),
});
const statusReplySchema = z.object({
  externalId: z.string().min(1),
  reference: z.string().min(1).optional(),
  status: z.enum(['pending', 'registered', 'rejected', 'removed']),
  reasonCode: z.string().optional(),
  reason: z.string().optional(),
  updatedAt: z.iso.datetime({ offset: true }),
});
/** The generic profile's webhook body. */
export const genericWebhookSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(['registration.registered', 'registration.rejected', 'registration.removed', 'registration.notice_posted']),
  occurredAt: z.iso.datetime({ offset: true }),
  data: z.object({
    externalId: z.string().min(1).max(200),
    reference: z.string().min(1).max(200).optional(),
    reasonCode: z.string().max(100).optional(),
    reason: z.string().max(2000).optional(),
    /** With `registration.notice_posted`: the post office's proof of posting of the bureau's notice letter. */
    proofOfPosting: z.string().min(1).max(200).optional(),
  }),
}).refine((body) => body.type !== 'registration.notice_posted' || body.data.proofOfPosting !== undefined, { message: 'a notice_posted webhook carries its proofOfPosting', path: ['data', 'proofOfPosting'] });
/** A webhook body of the generic JSON API (see {@link genericWebhookSchema}). */
export type GenericWebhookBody = z.infer<typeof genericWebhookSchema>;

const WEBHOOK_STATUS = { 'registration.registered': 'registered', 'registration.rejected': 'rejected', 'registration.removed': 'removed', 'registration.notice_posted': 'notice_posted' } as const;

function reasonText(code: string, text?: string): string {
  return text ? `${code}: ${text}` : code;
}

/**
 * The registration body the generic JSON API takes (pure: the same request gives the same body).
 * @example
 * ```ts no-run
 * import type { BureauRegistration } from 'cobranca';
 * import { genericRegistrationBody } from 'cobranca/adapters/bureau-http';
 *
 * declare const request: BureauRegistration; // what the app hands to BureauGateway.register
 * const body = genericRegistrationBody(request, 'TELECOM'); // the JSON the generic API takes, the same for the same request
 * console.log(body.externalId);
 * ```
 */
export function genericRegistrationBody(request: BureauRegistration, natureOfDebt: string): GenericRegistrationBody {
  const { debtor } = request;
  const address = debtor.address;
  return {
    externalId: request.negativationId,
    debtor: {
      document: debtor.taxId,
      documentType: debtor.kind === 'cpf' ? 'CPF' : 'CNPJ',
      name: debtor.name,
      ...(debtor.birthDate ? { birthDate: debtor.birthDate } : {}),
      ...(address
        ? {
            address: {
              street: address.street,
              number: address.number,
              ...(address.complement ? { complement: address.complement } : {}),
              ...(address.district ? { district: address.district } : {}),
              city: address.city,
              state: address.state.toUpperCase(),
              zipCode: address.cep.replace(/\D/g, ''),
            },
          }
        : {}),
    },
    creditor: { document: request.creditor.taxId, name: request.creditor.name },
    debt: { contract: request.title, amount: toDecimalString(request.amount), dueDate: request.dueDate, natureCode: request.natureOfDebt ?? natureOfDebt },
    ...(request.registration ? { registration: { id: request.registration.id, titles: [...request.registration.titleIds] } } : {}),
  };
}

/**
 * The generic JSON profile: the worked example of a bureau mapping, and what
 * the bundled simulator speaks. `POST {prefix}/negativations` registers,
 * `POST {prefix}/negativations/{externalId}/removal` removes,
 * `GET {prefix}/negativations/{externalId}` answers the status; 201/202 carry
 * `{ reference, status }`, 422 a refusal `{ status: 'rejected', reasonCode }`.
 * Webhooks are `{ id, type, occurredAt, data: { externalId, reference?, reasonCode?, proofOfPosting? } }`
 * (`registration.notice_posted` carries the proof of posting of the notice the bureau sent, for the `bureau_sends` notice modes)
 * signed in `x-bureau-signature` over `x-bureau-timestamp` + `.` + body.
 * @example
 * ```ts
 * import { createHttpBureauGateway, genericJsonProfile } from 'cobranca/adapters/bureau-http';
 *
 * // The worked example of a bureau profile: write yours the same way for Serasa, SPC or Boa Vista's API.
 * const profile = genericJsonProfile({ natureOfDebt: 'TELECOM' });
 * const gateway = createHttpBureauGateway({ baseUrl: 'https://api.bureau.example/v1', profile });
 * console.log(gateway.isOk());
 * // → true
 * ```
 */
export function genericJsonProfile(options: GenericJsonProfileOptions = {}): BureauProfile {
  const prefix = options.prefix ?? 'v1';
  const natureOfDebt = options.natureOfDebt ?? 'OO';
  const reasons = { ...GENERIC_REMOVAL_REASONS, ...options.removalReasons };
  const one = (negativationId: string) => `${prefix}/negativations/${encodeURIComponent(negativationId)}`;
  return {
    name: 'generic-json',
    idempotencyHeader: 'Idempotency-Key',
    registration: (request): HttpCall => ({ method: 'POST', path: `${prefix}/negativations`, body: genericRegistrationBody(request, natureOfDebt) }),
    removal: (request: BureauRemoval): HttpCall => {
      const body: GenericRemovalBody = { ...(request.protocol ? { reference: request.protocol } : {}), reasonCode: reasons[request.reason] ?? 'OUTROS', ...(request.on ? { date: request.on } : {}) };
      return { method: 'POST', path: `${one(request.negativationId)}/removal`, body };
    },
    statusQuery: (query: BureauStatusQuery): HttpCall => ({ method: 'GET', path: one(query.negativationId) }),
    readAnswer: (reply: HttpReply): BureauAnswer | undefined => {
      if (reply.status === 200 || reply.status === 201 || reply.status === 202) {
        const parsed = registrationReplySchema.safeParse(reply.body);
        return parsed.success ? { outcome: parsed.data.status, protocol: parsed.data.reference } : undefined;
      }
      if (reply.status === 422) {
        const parsed = refusalReplySchema.safeParse(reply.body);
        return parsed.success ? { outcome: 'rejected', reason: reasonText(parsed.data.reasonCode, parsed.data.reason) } : undefined;
      }
      return undefined;
    },
    readStatus: (reply, query): BureauStatusReport | undefined => {
      if (reply.status !== 200) return undefined;
      const parsed = statusReplySchema.safeParse(reply.body);
      if (!parsed.success || parsed.data.externalId !== query.negativationId) return undefined;
      const { reference, status, reasonCode, reason, updatedAt } = parsed.data;
      return { negativationId: query.negativationId, status, at: updatedAt, ...(reference ? { protocol: reference } : {}), ...(reasonCode ? { reason: reasonText(reasonCode, reason) } : {}) };
    },
    webhookHeaders: { signature: 'x-bureau-signature', timestamp: 'x-bureau-timestamp' },
    readWebhook: (body) => {
      const parsed = genericWebhookSchema.safeParse(body);
      if (!parsed.success) return err(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
      const { id, type, occurredAt, data } = parsed.data;
      return ok({
        eventId: id,
        report: {
          negativationId: data.externalId,
          status: WEBHOOK_STATUS[type],
          at: occurredAt,
          ...(data.reference ? { protocol: data.reference } : {}),
          ...(data.reasonCode ? { reason: reasonText(data.reasonCode, data.reason) } : {}),
          ...(data.proofOfPosting ? { proofOfPosting: data.proofOfPosting } : {}),
        },
      });
    },
  };
}
