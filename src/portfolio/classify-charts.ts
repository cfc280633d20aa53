import { addDays, addMonths, daysBetween, startOfMonth, type CivilDate } from '../calendar/index.js';
import { ExactTotal, fromCents, type Money } from '../money/index.js';
import type { ParsedClassifierInvoice } from './classify-input.js';
import { agreementOn, isBroken, owedCentsOf } from './invoice-facts.js';
import type { z } from 'zod';
import type { collectionEventSchema } from './classify-input.js';

/** A month `YYYY-MM` with a count and, where it makes sense, an amount. */
export interface MonthPoint {
  readonly month: string;
  readonly count: number;
  readonly amount: Money;
}

/** Overdue agreement invoices of one operator, split at 30 days after the tolerance date. */
export interface OperatorOverdue {
  readonly operator: string;
  readonly upTo30Days: number;
  readonly over30Days: number;
  readonly amount: Money;
}

/** A label with a count (city, operator). */
export interface CountPoint {
  readonly label: string;
  readonly count: number;
}

/**
 * The chart series of seed 004's tenth panel.
 * - `interactionsPerMonth`: collection events per month, the last 12 months.
 * - `agreementsPerCity`: agreements created in the last 90 days per city, the top 20.
 * - `resultsPerMonth`: agreement invoices paid per month (count, amount), the last 12 months.
 * - `overduePerOperator`: unpaid invoices of broken agreements, per operator, up to 30 days past the later of the due and tolerance dates and beyond, with what they owe.
 * - `effectedPerOperator`: agreement invoices paid in the last 180 days, per operator.
 * - `registrationsPerMonth`: bureau registrations per month (amount registered), the last 12 months.
 * - `eventsPerOperator`: events and interactions per operator, the last 90 days.
 * Replaced originals are never counted (their installments are). Agreements without an operator or city are counted under `''`.
 */
export interface PortfolioCharts {
  readonly interactionsPerMonth: readonly MonthPoint[];
  readonly agreementsPerCity: readonly CountPoint[];
  readonly resultsPerMonth: readonly MonthPoint[];
  readonly overduePerOperator: readonly OperatorOverdue[];
  readonly effectedPerOperator: readonly CountPoint[];
  readonly registrationsPerMonth: readonly MonthPoint[];
  readonly eventsPerOperator: readonly CountPoint[];
}

type Event = z.output<typeof collectionEventSchema>;

class MonthSeries {
  private readonly counts = new Map<string, { count: number; cents: ExactTotal }>();
  constructor(private readonly months: readonly string[]) {
    for (const month of months) this.counts.set(month, { count: 0, cents: new ExactTotal() });
  }
  add(date: CivilDate, cents = 0): void {
    const point = this.counts.get(date.slice(0, 7));
    if (point) {
      point.count++;
      point.cents.add(cents);
    }
  }
  exact(): boolean {
    return [...this.counts.values()].every((point) => point.cents.cents !== undefined);
  }
  points(): MonthPoint[] {
    return this.months.map((month) => {
      const point = this.counts.get(month);
      return { month, count: point?.count ?? 0, amount: fromCents(point?.cents.cents ?? 0) };
    });
  }
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function ranked(map: Map<string, number>, limit = Infinity): CountPoint[] {
  return [...map]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, limit);
}

/** Accumulates the chart series in one pass. */
export class ChartAccumulator {
  private readonly interactions: MonthSeries;
  private readonly results: MonthSeries;
  private readonly registrations: MonthSeries;
  private readonly cityAgreements = new Map<string, Set<string>>();
  private readonly overdue = new Map<string, { upTo30Days: number; over30Days: number; cents: ExactTotal }>();
  private readonly effected = new Map<string, number>();
  private readonly events = new Map<string, number>();
  private readonly since90: CivilDate;
  private readonly since180: CivilDate;

  constructor(private readonly asOf: CivilDate) {
    const first = addMonths(startOfMonth(asOf), -11);
    const months = Array.from({ length: 12 }, (_, i) => addMonths(first, i).slice(0, 7));
    this.interactions = new MonthSeries(months);
    this.results = new MonthSeries(months);
    this.registrations = new MonthSeries(months);
    this.since90 = addDays(asOf, -90);
    this.since180 = addDays(asOf, -180);
  }

  addInvoice(invoice: ParsedClassifierInvoice): void {
    const asOf = this.asOf;
    const agreement = agreementOn(invoice, asOf);
    const paidOn = invoice.paidOn !== undefined && invoice.paidOn <= asOf ? invoice.paidOn : undefined;
    if (agreement) {
      const operator = agreement.operator ?? invoice.operator ?? '';
      if (agreement.createdOn > this.since90 && agreement.createdOn <= asOf) {
        const city = agreement.city ?? invoice.city ?? '';
        const ids = this.cityAgreements.get(city) ?? new Set<string>();
        ids.add(agreement.id);
        this.cityAgreements.set(city, ids);
      }
      if (paidOn !== undefined) {
        this.results.add(paidOn, invoice.amount.cents);
        if (paidOn > this.since180) increment(this.effected, operator);
      } else if (isBroken(invoice, agreement, asOf)) {
        const deadline = agreement.toleranceDate > invoice.dueDate ? agreement.toleranceDate : invoice.dueDate;
        const late = Math.max(0, daysBetween(deadline, asOf));
        const row = this.overdue.get(operator) ?? { upTo30Days: 0, over30Days: 0, cents: new ExactTotal() };
        if (late <= 30) row.upTo30Days++;
        else row.over30Days++;
        row.cents.add(owedCentsOf(invoice, asOf));
        this.overdue.set(operator, row);
      }
    }
    if (invoice.negativation && invoice.negativation.registeredOn <= asOf) this.addRegistration(invoice.negativation.registeredOn, invoice.amount.cents);
  }

  /** An invoice of `amountCents` registered at a bureau on `registeredOn` (on or before the as-of day): the registrations chart, as {@link ChartAccumulator.addInvoice} counts it. */
  addRegistration(registeredOn: CivilDate, amountCents: number): void {
    this.registrations.add(registeredOn, amountCents);
  }

  addEvent(event: Event): void {
    if (event.date > this.asOf) return;
    this.interactions.add(event.date);
    if (event.date > this.since90) increment(this.events, event.operator);
  }

  /** Whether every amount is exact (within ±2^53 − 1 centavos); the classifier refuses the portfolio otherwise. */
  exact(): boolean {
    return this.results.exact() && this.registrations.exact() && [...this.overdue.values()].every((row) => row.cents.cents !== undefined);
  }

  result(): PortfolioCharts {
    const cities = new Map([...this.cityAgreements].map(([city, ids]) => [city, ids.size]));
    return {
      interactionsPerMonth: this.interactions.points(),
      agreementsPerCity: ranked(cities, 20),
      resultsPerMonth: this.results.points(),
      overduePerOperator: [...this.overdue]
        .map(([operator, row]) => ({ operator, upTo30Days: row.upTo30Days, over30Days: row.over30Days, amount: fromCents(row.cents.cents ?? 0) }))
        .sort((a, b) => b.upTo30Days + b.over30Days - (a.upTo30Days + a.over30Days) || (a.operator < b.operator ? -1 : 1)),
      effectedPerOperator: ranked(this.effected),
      registrationsPerMonth: this.registrations.points(),
      eventsPerOperator: ranked(this.events),
    };
  }
}
