/** The parts of a run whose CPU time the summary splits: the daily cycle against the simulation's own work. */
export const PHASES = ['portfolio', 'acts', 'cycle', 'bureaus', 'summary'] as const;

/** One part of a run: building and issuing the portfolio, the customers' acts (commands), the daily cycles, the bureaus' webhooks, the end-of-run summary. */
export type Phase = (typeof PHASES)[number];

/** CPU seconds (user + system) a run spent in each {@link Phase}. */
export type PhaseSeconds = Readonly<Record<Phase, number>>;

/**
 * Adds up the process's CPU time (user + system) by phase. One reading of
 * `process.cpuUsage` per phase entered (a few per simulated day, never one per
 * customer), so the measuring costs nothing against a day's work.
 */
export class PhaseClock {
  private readonly micros: Record<Phase, number> = { portfolio: 0, acts: 0, cycle: 0, bureaus: 0, summary: 0 };

  /** Runs `work`, adding its CPU time to `phase`. */
  async time<T>(phase: Phase, work: () => Promise<T> | T): Promise<T> {
    const start = process.cpuUsage();
    try {
      return await work();
    } finally {
      const used = process.cpuUsage(start);
      this.micros[phase] += used.user + used.system;
    }
  }

  /** Seconds by phase, to the millisecond. */
  seconds(): PhaseSeconds {
    const out = {} as Record<Phase, number>;
    for (const phase of PHASES) out[phase] = Math.round(this.micros[phase] / 1e3) / 1e3;
    return out;
  }
}
