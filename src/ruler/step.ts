import * as z from 'zod';
import { nonNegativeMoneySchema } from '../money/index.js';
import { rulerActionSchema } from './action.js';
import type { InputOf } from '../errors.js';

/** The largest offset a step may have, in days either side of the due date (ten years). */
export const MAX_STEP_OFFSET_DAYS = 3650;

/** Customer kinds a condition can ask for. */
export const CUSTOMER_KINDS = ['person', 'company'] as const;

/** A customer kind: a person (CPF) or a company (CNPJ). */
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

const labelSchema = z.string().trim().min(1).max(100);

/**
 * When a step applies (docs/legal.md §4): all given conditions must hold.
 * - `minAmount`: the open amount (the invoice's `updatedAmount` when given, else
 *   amount minus payments; in per-customer mode, the customer's open total) is at least this.
 * - `minDaysOverdue`: calendar days since the due date, as of the evaluation day.
 * - `customerKind`: only persons or only companies.
 * - `tags`: the invoice carries every one of these tags.
 * - `branches`: the invoice's branch is one of these.
 */
export const stepConditionsSchema = z.strictObject({
  minAmount: nonNegativeMoneySchema.optional(),
  minDaysOverdue: z.number().int().min(0).max(MAX_STEP_OFFSET_DAYS).optional(),
  customerKind: z.enum(CUSTOMER_KINDS).optional(),
  tags: z.array(labelSchema).max(50).optional(),
  branches: z.array(labelSchema).min(1).max(1000).optional(),
});

/** Parsed step conditions. */
export type StepConditions = z.output<typeof stepConditionsSchema>;

/**
 * One step of a ruler: an action at `offsetDays` from the due date (negative =
 * before it; for settlement actions, days after settlement). A step that may not
 * run on non-business days (the default) moves to the next business day (the
 * previous one for reminders before the due date). `staleAfterDays` bounds how
 * late a caught-up step may still run.
 */
export const rulerStepSchema = z.strictObject({
  id: labelSchema,
  offsetDays: z.number().int().min(-MAX_STEP_OFFSET_DAYS).max(MAX_STEP_OFFSET_DAYS),
  action: rulerActionSchema,
  conditions: stepConditionsSchema.optional(),
  runsOnNonBusinessDays: z.boolean().default(false),
  /** When caught up more than this many days after its day, the step is skipped as `stale` instead of run (e.g. a D-3 reminder found on D+20). */
  staleAfterDays: z.number().int().min(0).max(MAX_STEP_OFFSET_DAYS).optional(),
});

/** A parsed ruler step. */
export type RulerStep = z.output<typeof rulerStepSchema>;

/** A ruler step as written by a host (before defaults). */
export type RulerStepSpec = InputOf<typeof rulerStepSchema>;
