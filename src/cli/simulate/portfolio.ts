import { addDays, cnpjCheckDigits, cpfCheckDigits, fromCents, type CivilDate, type CustomerRecord, type InvoiceRecord } from 'cobranca';
import { SIMULATION_BRANCHES } from './configuration.js';
import type { Dice } from './dice.js';

/** How a customer behaves, drawn once per customer from the seed. */
export type Behaviour =
  | { readonly kind: 'punctual' }
  | { readonly kind: 'late'; readonly daysLate: number }
  | { readonly kind: 'negotiator'; readonly afterDays: number; readonly keeps: boolean; readonly installments: number }
  | { readonly kind: 'disputer'; readonly afterDays: number }
  | { readonly kind: 'defaulter' };

/** A synthetic customer: the record, its behaviour and its invoices (each issued 20 days before it falls due). */
export interface SyntheticCustomer {
  readonly record: CustomerRecord;
  readonly behaviour: Behaviour;
  readonly invoices: readonly InvoiceRecord[];
}

/** Size and dates of a synthetic portfolio. */
export interface PortfolioShape {
  readonly customers: number;
  readonly invoicesPerCustomer: number;
  /** The first simulated day; the first invoices fall due a month before it. */
  readonly start: CivilDate;
}

const CITIES = [
  ['São Paulo', 'SP'], ['Campinas', 'SP'], ['Santos', 'SP'], ['Rio de Janeiro', 'RJ'], ['Niterói', 'RJ'], ['Belo Horizonte', 'MG'], ['Uberlândia', 'MG'],
  ['Curitiba', 'PR'], ['Londrina', 'PR'], ['Porto Alegre', 'RS'], ['Caxias do Sul', 'RS'], ['Florianópolis', 'SC'], ['Joinville', 'SC'], ['Salvador', 'BA'],
  ['Recife', 'PE'], ['Fortaleza', 'CE'], ['Manaus', 'AM'], ['Belém', 'PA'], ['Goiânia', 'GO'], ['Brasília', 'DF'], ['Vitória', 'ES'], ['Natal', 'RN'],
  ['São Luís', 'MA'], ['Teresina', 'PI'], ['Campo Grande', 'MS'],
] as const;
const FIRST_NAMES = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elisa', 'Fábio', 'Gabriela', 'Heitor', 'Isabela', 'João', 'Larissa', 'Marcos', 'Natália', 'Otávio', 'Paula', 'Rafael'];
const LAST_NAMES = ['Silva', 'Souza', 'Oliveira', 'Santos', 'Lima', 'Pereira', 'Costa', 'Almeida', 'Ferreira', 'Rodrigues', 'Gomes', 'Martins'];
const DUE_DAYS = [5, 10, 15, 20, 25] as const;

function digits(d: Dice, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(d.int(0, 9));
  return out;
}

function taxIdOf(d: Dice, company: boolean): string {
  if (company) {
    const base = `${digits(d, 8)}0001`;
    return base + cnpjCheckDigits(base);
  }
  let base = digits(d, 9);
  while (/^(\d)\1*$/.test(base)) base = digits(d, 9);
  return base + cpfCheckDigits(base);
}

function behaviourOf(d: Dice): Behaviour {
  const roll = d.int(1, 100);
  if (roll <= 55) return { kind: 'punctual' };
  if (roll <= 75) return { kind: 'late', daysLate: d.int(3, 45) };
  if (roll <= 87) return { kind: 'negotiator', afterDays: d.int(12, 35), keeps: d.chance(65), installments: d.int(2, 4) };
  if (roll <= 92) return { kind: 'disputer', afterDays: d.int(3, 12) };
  return { kind: 'defaulter' };
}

/** The month day `day` of the month `offset` months after `start`'s month. */
function monthDay(start: CivilDate, offset: number, day: number): CivilDate {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as CivilDate;
}

/** A reproducible synthetic portfolio: the same dice give the same customers, invoices and behaviours. */
export function syntheticPortfolio(d: Dice, shape: PortfolioShape): SyntheticCustomer[] {
  const out: SyntheticCustomer[] = [];
  for (let c = 1; c <= shape.customers; c++) {
    const id = `c${String(c).padStart(6, '0')}`;
    const company = d.chance(15);
    const [city, state] = d.pick(CITIES);
    const branchId = d.pick(SIMULATION_BRANCHES);
    const missingCep = d.chance(2);
    const name = company ? `${d.pick(LAST_NAMES)} & ${d.pick(LAST_NAMES)} Comércio Ltda` : `${d.pick(FIRST_NAMES)} ${d.pick(LAST_NAMES)} ${d.pick(LAST_NAMES)}`;
    const record: CustomerRecord = {
      id, version: 1, name, taxId: taxIdOf(d, company), kind: company ? 'company' : 'person', branchId,
      email: `${id}@example.com`, phone: `+55119${digits(d, 8)}`,
      address: { street: `Rua ${d.pick(LAST_NAMES)}`, number: String(d.int(1, 2000)), district: 'Centro', city, state, cep: missingCep ? '' : digits(d, 8) },
    };
    const dueDay = d.pick(DUE_DAYS);
    const monthly = d.int(60, 450) * 100 + d.int(0, 99);
    const invoices: InvoiceRecord[] = [];
    for (let k = 0; k < shape.invoicesPerCustomer; k++) {
      const dueDate = monthDay(shape.start, k - 1, dueDay);
      invoices.push({ id: `${id}-${String(k + 1).padStart(2, '0')}`, version: 1, customerId: id, branchId, amount: fromCents(monthly), dueDate, status: 'open', paid: fromCents(0), description: `Mensalidade ${dueDate.slice(0, 7)}` });
    }
    out.push({ record, behaviour: behaviourOf(d), invoices });
  }
  return out;
}

/** The day an invoice enters the system: 20 days before it falls due, or the first simulated day. */
export function issuedOn(invoice: InvoiceRecord, start: CivilDate): CivilDate {
  const issued = addDays(invoice.dueDate, -20);
  return issued < start ? start : issued;
}
