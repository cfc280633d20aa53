/**
 * A small host on `node:http`: the three doors a billing system opens to cobranca.
 *
 *   POST /webhooks/pix        a PIX payment arrives            → app.recordPayment
 *   POST /webhooks/bureau     the bureau reports a status      → bureau.parseWebhook, app.applyBureauReport
 *   POST /cron/daily-cycle    your scheduler, once a day       → app.runDailyCycle
 *
 * Every command answers a `Result`: the error's `code` picks the HTTP status and
 * its `message` and `path` go back to the caller; nothing is ever thrown at you.
 *
 * Run: `npx tsx examples/http-host.ts` (listens on PORT, 3000 by default), or
 * `npx tsx examples/http-host.ts --check` to start on a free port, call each door
 * once, print the answers and stop.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brazilianCalendar, brl, civilDate, createCollections, type CobrancaError } from 'cobranca';
import { MemoryStore } from 'cobranca/adapters/memory';
import { fakeBureau, recordingNotifier, sequentialIds, staticRates } from 'cobranca/testing';

// Your adapters for the ports go here (your store, bureau, e-mail/SMS provider, rate source);
// the memory store and the fakes of cobranca/testing stand in for them.
const store = new MemoryStore();
const bureau = fakeBureau();
const built = createCollections({
  store,
  bureau,
  notifier: recordingNotifier(),
  rates: staticRates(),
  ids: sequentialIds(),
  clock: { now: () => new Date() },
  calendar: brazilianCalendar({ state: 'SP' }),
  creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
  ruler: { id: 'padrao', steps: [{ id: 'lembrete', offsetDays: -3, action: { kind: 'notify', channel: 'email', template: 'lembrete' } }] },
});
if (built.isErr()) throw new Error(`cobranca is misconfigured: ${built.error.code} ${built.error.message}`);
const app = built.value;

/** The HTTP status for an error code: the caller's fault (4xx) or ours (5xx). */
function statusOf(error: CobrancaError): number {
  switch (error.code) {
    case 'invalid_input':
      return 422;
    case 'not_found':
      return 404;
    case 'idempotency_key_reused':
    case 'version_conflict':
    case 'invalid_state':
      return 409;
    default:
      return error.code.startsWith('invalid_') ? 422 : 500;
  }
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function replyError(response: ServerResponse, error: CobrancaError): void {
  reply(response, statusOf(error), { code: error.code, message: error.message, path: error.path });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A PIX notification as the payment provider posts it. */
interface PixNotification {
  readonly endToEndId: string;
  readonly invoiceId: string;
  readonly amount: string;
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  if (request.method === 'POST' && request.url === '/webhooks/pix') {
    let pix: PixNotification;
    try {
      pix = JSON.parse(body) as PixNotification;
    } catch {
      return reply(response, 400, { code: 'invalid_json', message: 'the body is not JSON' });
    }
    // The provider's end-to-end id makes the payment idempotent: a retried webhook records nothing twice.
    const payment = await app.recordPayment({ idempotencyKey: `pix:${pix.endToEndId}`, actor: 'pix-webhook', invoiceId: pix.invoiceId, amount: pix.amount });
    return payment.match(
      (outcome) => reply(response, 200, { settled: outcome.settled }),
      (error) => replyError(response, error),
    );
  }
  if (request.method === 'POST' && request.url === '/webhooks/bureau') {
    const report = bureau.parseWebhook(request.headers, body); // the adapter checks the bureau's signature
    if (report.isErr()) return replyError(response, report.error);
    const applied = await app.applyBureauReport(report.value);
    return applied.match(
      () => reply(response, 200, { applied: true }),
      (error) => replyError(response, error),
    );
  }
  if (request.method === 'POST' && request.url === '/cron/daily-cycle') {
    const cycle = await app.runDailyCycle();
    return cycle.match(
      (report) => reply(response, 200, { asOf: report.asOf.date, rulerActions: report.ruler.done.length, effectsPerformed: report.effects.performed }),
      (error) => replyError(response, error),
    );
  }
  reply(response, 404, { code: 'no_route', message: `${request.method ?? ''} ${request.url ?? ''}` });
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    console.error(error); // a bug or an outage (a store that is down): the caller retries later
    reply(response, 500, { code: 'internal', message: 'internal error' });
  });
});

/** `--check`: one customer and invoice, then each door once. */
async function check(): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.customers.insert({ id: 'c-1', version: 1, name: 'Maria Souza', taxId: '52998224725', kind: 'person', email: 'maria@example.com' });
    await tx.invoices.insert({ id: 'inv-1', version: 1, customerId: 'c-1', amount: brl('310.90'), dueDate: civilDate('2026-11-10'), status: 'open', paid: brl('0') });
  });
  const { port } = server.address() as AddressInfo;
  const post = async (path: string, body: unknown) => {
    const answer = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body: JSON.stringify(body) });
    console.log(`POST ${path} → ${answer.status} ${await answer.text()}`);
  };
  await post('/cron/daily-cycle', {});
  await post('/webhooks/pix', { endToEndId: 'E123', invoiceId: 'inv-1', amount: '310.90' });
  await post('/webhooks/pix', { endToEndId: 'E124', invoiceId: 'inv-1', amount: '310,90' });
  await post('/webhooks/bureau', { negativationId: 'neg-unknown', status: 'registered', at: new Date().toISOString() });
}

if (process.argv.includes('--check')) {
  server.listen(0, '127.0.0.1', () => {
    check().finally(() => server.close());
  });
} else {
  const port = Number(process.env.PORT ?? 3000);
  server.listen(port, () => console.log(`cobranca host listening on :${port}`));
}
