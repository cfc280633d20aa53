/**
 * A host program written from the README and docs/ alone. scripts/check-hosts.ts
 * packs the package, installs the tarball into three fresh hosts (ESM with
 * `module: nodenext`, CommonJS with `module: node16`, and `moduleResolution:
 * bundler`), typechecks this file there with `strict` and `skipLibCheck: false`,
 * runs it, and compares what it prints with `program.expected.txt`.
 * No top-level await and no Node globals: the same file compiles to CommonJS
 * and bundles for any runtime.
 */
import { allocate, brazilianCalendar, brl, civilDate, createCollections, formatBrl, parseTaxId } from 'cobranca';
import { calculateLateCharges, proposeAgreement } from 'cobranca/agreements';
import { removalDeadline } from 'cobranca/negativation';
import { MemoryStore } from 'cobranca/adapters/memory';
import { ok } from 'neverthrow';
import type { BureauGateway, BureauStatusReport, Clock, IdGenerator, Notifier, OutgoingMessage, RateSource } from 'cobranca';

/** The host's own adapters for the ports (a real host talks to its e-mail provider, its bureau, the central bank's series). */
function hostAdapters(now: string) {
  const sent: OutgoingMessage[] = [];
  const notifier: Notifier = { send: async (message) => (sent.push(message), { messageId: `msg-${sent.length}` }) };
  const bureau: BureauGateway = {
    register: async (request) => ({ outcome: 'accepted', protocol: `proto-${request.negativationId}` }),
    remove: async (request) => ({ outcome: 'accepted', protocol: `removal-${request.negativationId}` }),
    queryStatus: async (request) => ({ negativationId: request.negativationId, status: 'registered', at: now }),
    parseWebhook: (_headers, rawBody) => ok(JSON.parse(rawBody) as BureauStatusReport), // a real adapter checks the signature first
  };
  const rates: RateSource = { legalInterestRates: async () => [], indexSeries: async () => [] };
  let counter = 0;
  const ids: IdGenerator = { next: (prefix) => `${prefix}-${++counter}` };
  const clock: Clock = { now: () => new Date(now) };
  return { notifier, bureau, rates, ids, clock, sent };
}

function line(text: string): void {
  console.log(text);
}

async function main(): Promise<void> {
  // Money: exact centavos, parts that add up.
  const parts = allocate(brl('1000.00'), 3, 'first');
  if (parts.isErr()) throw new Error(`allocate: ${parts.error.code}`);
  line(`split ${parts.value.map((part) => formatBrl(part)).join(' + ')}`);

  // Late charges on seed 001's invoice.
  const charges = calculateLateCharges({ principal: '373.52', dueDate: '2026-10-10', asOf: '2026-11-24', policy: { fine: { percent: '2' }, interest: { kind: 'monthly', percent: '1' } } });
  if (charges.isErr()) throw new Error(`late charges: ${charges.error.code} ${charges.error.message}`);
  line(`late charges fine ${formatBrl(charges.value.fine)} interest ${formatBrl(charges.value.interest)} total ${formatBrl(charges.value.total)}`);

  // An agreement in three installments.
  const proposal = proposeAgreement({
    kind: 'new_proposal',
    asOf: '2026-11-24',
    invoices: [{ id: 'fatura-1', amount: '373.52', dueDate: '2026-10-10' }],
    selectedInvoiceIds: ['fatura-1'],
    toleranceDate: '2026-12-20',
    category: 'renegociação',
    finePercent: '2',
    accountPlan: { fine: '3.1.02' },
    installments: { kind: 'regular', count: 3, firstDueDate: '2026-12-10', description: 'Acordo fatura-1', paymentProfile: 'boleto', moveToBusinessDay: true },
  });
  if (proposal.isErr()) throw new Error(`proposal: ${proposal.error.code} ${proposal.error.message}`);
  line(`agreement ${proposal.value.plan.installments.map((i) => `${i.dueDate} ${formatBrl(i.amount)}`).join(', ')}`);

  // Súmula 548: the removal deadline after a payment.
  const calendar = brazilianCalendar();
  const deadline = removalDeadline('2026-11-19', calendar);
  if (deadline.isErr()) throw new Error(`deadline: ${deadline.error.code}`);
  line(`remove by ${deadline.value}`);

  const taxId = parseTaxId('529.982.247-25');
  line(`tax id ${taxId.isOk() ? taxId.value.kind : taxId.error.code}`);

  // The application over the memory store: one invoice, the daily cycle, a payment.
  const store = new MemoryStore();
  const { notifier, bureau, rates, ids, clock, sent } = hostAdapters('2026-11-07T10:00:00-03:00');
  const built = createCollections({
    store,
    clock,
    notifier,
    bureau,
    rates,
    calendar,
    ids,
    creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
    ruler: { id: 'padrao', steps: [{ id: 'lembrete', offsetDays: -3, action: { kind: 'notify', channel: 'email', template: 'lembrete' } }] },
  });
  if (built.isErr()) throw new Error(`createCollections: ${built.error.code} ${built.error.message}`);
  const app = built.value;
  await store.transaction(async (tx) => {
    await tx.customers.insert({ id: 'c-1', version: 1, name: 'Maria Souza', taxId: '52998224725', kind: 'person', email: 'maria@example.com' });
    await tx.invoices.insert({ id: 'i-1', version: 1, customerId: 'c-1', amount: brl('500.00'), dueDate: civilDate('2026-11-10'), status: 'open', paid: brl('0') });
  });
  const cycle = await app.runDailyCycle();
  if (cycle.isErr()) throw new Error(`cycle: ${cycle.error.code} ${cycle.error.message}`);
  line(`cycle ${cycle.value.ruler.done.map((a) => a.kind).join(',')}; sent ${sent.map((m) => `${m.channel}:${m.templateId}`).join(',')}`);
  const payment = await app.recordPayment({ idempotencyKey: 'pix-1', actor: 'pix-webhook', invoiceId: 'i-1', amount: '500.00' });
  if (payment.isErr()) throw new Error(`payment: ${payment.error.code} ${payment.error.message}`);
  line(`payment settled ${String(payment.value.settled)}`);
}

main().then(
  () => line('done'),
  (error: unknown) => {
    console.error(error);
    throw error; // an unhandled rejection: the process exits non-zero
  },
);
