import { err, ok } from 'neverthrow';
import { cobrancaError } from '../errors.js';
import type {
  BureauAnswer, BureauGateway, BureauRegistration, BureauStatusReport, IdGenerator, MonthlyValue, Notifier, OutgoingMessage, RateSource,
} from '../ports/index.js';

/** A switch that makes the next `count` calls fail with `error`. */
function failureSwitch(defaultError: string) {
  let failures = 0;
  let failure = defaultError;
  return {
    failNext(count: number, error = defaultError): void {
      failures = count;
      failure = error;
    },
    /** Throws when a failure is due. */
    check(): void {
      if (failures > 0) {
        failures--;
        throw new Error(failure);
      }
    },
  };
}

/**
 * Ids `prefix-1`, `prefix-2` … per prefix: deterministic, for tests.
 * @example
 * ```ts
 * import { sequentialIds } from 'cobranca/testing';
 *
 * const ids = sequentialIds();
 * console.log(ids.next('agreement'), ids.next('agreement'), ids.next('task'));
 * // → agreement-1 agreement-2 task-1
 * ```
 */
export function sequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return {
    next: (prefix) => {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}-${n}`;
    },
  };
}

/** A notifier that records what it sent, drops repeated keys (as a real gateway must), and can be told to fail. */
export interface RecordingNotifier extends Notifier {
  /** Messages actually sent, in order (a repeated key is not sent again). */
  readonly sent: OutgoingMessage[];
  /** Every call that did not throw, repeats included: a test of "exactly once" counts these. */
  readonly calls: OutgoingMessage[];
  /** Makes the next `count` sends throw `error`. */
  failNext(count: number, error?: string): void;
}

/**
 * Builds a {@link RecordingNotifier}.
 * @example
 * ```ts
 * import { recordingNotifier } from 'cobranca/testing';
 *
 * const notifier = recordingNotifier();
 * const message = { key: 'message:m-1:1', customerId: 'c-1', channel: 'email', to: 'maria.souza@exemplo.com.br', templateId: 'atraso', data: {} } as const;
 * await notifier.send(message);
 * await notifier.send(message); // a retry with the same key is not sent again
 * console.log(notifier.sent.length, notifier.calls.length);
 * notifier.failNext(1); // the next send throws, as a provider that is down
 * await notifier.send({ ...message, key: 'message:m-2:1' }).catch((error: Error) => console.log(error.message));
 * // → 1 2
 * // → notifier unavailable
 * ```
 */
export function recordingNotifier(): RecordingNotifier {
  const sent: OutgoingMessage[] = [];
  const calls: OutgoingMessage[] = [];
  const byKey = new Map<string, string>();
  const failing = failureSwitch('notifier unavailable');
  return {
    sent,
    calls,
    failNext: failing.failNext,
    async send(message) {
      failing.check();
      calls.push(message);
      const existing = byKey.get(message.key);
      if (existing) return { messageId: existing };
      const messageId = `msg-${sent.length + 1}`;
      byKey.set(message.key, messageId);
      sent.push(message);
      return { messageId };
    },
  };
}

/** A bureau that accepts everything (or what `decide` says), records calls, and can be told to fail. */
export interface FakeBureau extends BureauGateway {
  readonly registrations: BureauRegistration[];
  readonly removals: { key: string; negativationId: string; bureau: string; reason: string }[];
  /** Every register / remove call that did not throw, repeats included. */
  readonly calls: { readonly register: number; readonly remove: number };
  /** Makes the next `count` register/remove calls reject with `error` (a bureau that could not be reached). */
  failNext(count: number, error?: string): void;
}

/**
 * Builds a {@link FakeBureau}.
 * @example
 * ```ts
 * import { fakeBureau } from 'cobranca/testing';
 *
 * // Accepts every registration unless told otherwise; records what it was asked.
 * const bureau = fakeBureau((request) => (request.amount.cents < 5_000 ? { outcome: 'rejected', reason: 'valor abaixo do mínimo' } : { outcome: 'accepted', protocol: `SER-${request.negativationId}` }));
 * console.log(typeof bureau.register, bureau.registrations.length, bureau.calls);
 * // → function 0 { register: 0, remove: 0 }
 * ```
 */
export function fakeBureau(decide: (request: BureauRegistration) => BureauAnswer = (r) => ({ outcome: 'accepted', protocol: `proto-${r.negativationId}` })): FakeBureau {
  const registrations: BureauRegistration[] = [];
  const removals: FakeBureau['removals'] = [];
  const seen = new Map<string, BureauAnswer>();
  const calls = { register: 0, remove: 0 };
  const failing = failureSwitch('bureau unavailable');
  const maybeFail = failing.check;
  return {
    registrations,
    removals,
    calls,
    failNext: failing.failNext,
    async register(request) {
      maybeFail();
      calls.register++;
      const previous = seen.get(request.key);
      if (previous) return previous;
      registrations.push(request);
      const answer = decide(request);
      seen.set(request.key, answer);
      return answer;
    },
    async remove(request) {
      maybeFail();
      calls.remove++;
      const previous = seen.get(request.key);
      if (previous) return previous;
      removals.push({ key: request.key, negativationId: request.negativationId, bureau: request.bureau, reason: request.reason });
      const answer: BureauAnswer = { outcome: 'accepted', protocol: `removal-${request.negativationId}` };
      seen.set(request.key, answer);
      return answer;
    },
    async queryStatus(request): Promise<BureauStatusReport> {
      maybeFail();
      const registered = registrations.some((r) => r.negativationId === request.negativationId);
      const removed = removals.some((r) => r.negativationId === request.negativationId);
      return { negativationId: request.negativationId, status: removed ? 'removed' : registered ? 'registered' : 'pending', at: new Date(0).toISOString() };
    },
    parseWebhook(_headers, rawBody) {
      try {
        return ok(JSON.parse(rawBody) as BureauStatusReport);
      } catch {
        return err(cobrancaError('invalid_input', 'the webhook body is not JSON'));
      }
    },
  };
}

/**
 * A rate source with fixed monthly values (percent per month), the same every month unless listed.
 * @example
 * ```ts
 * import { civilDate } from 'cobranca';
 * import { staticRates } from 'cobranca/testing';
 *
 * const rates = staticRates({ legalInterestPercent: '0.5', months: { '2026-11': { legal: '0.48' } } });
 * const months = await rates.legalInterestRates(civilDate('2026-10-15'), civilDate('2026-11-10'));
 * console.log(months.map((m) => `${m.month} ${String(m.percent)}`));
 * // → [ '2026-10 0.5', '2026-11 0.48' ]
 * ```
 */
export function staticRates(options: { legalInterestPercent?: string; ipcaPercent?: string; months?: Readonly<Record<string, { legal?: string; ipca?: string }>> } = {}): RateSource {
  const series = (pick: 'legal' | 'ipca', fallback: string) => async (from: string, to: string): Promise<MonthlyValue[]> => {
    const out: MonthlyValue[] = [];
    let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
    const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
    while (year * 12 + month <= end) {
      const key = `${year}-${String(month).padStart(2, '0')}`;
      out.push({ month: key, percent: options.months?.[key]?.[pick] ?? fallback });
      month++;
      if (month > 12) [year, month] = [year + 1, 1];
    }
    return out;
  };
  return {
    legalInterestRates: series('legal', options.legalInterestPercent ?? '0.5'),
    indexSeries: (_index, from, to) => series('ipca', options.ipcaPercent ?? '0.4')(from, to),
  };
}
