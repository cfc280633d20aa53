/**
 * The child side of a comparison: one contender in its own process warms up,
 * proves its result, then times a fixed amount of work several times and prints
 * one JSON line the parent reads. Figures only, never assertions.
 */

/** What a contender does: `check` returns a digest of its results (compared across contenders before any timing); `run` performs `operations` operations. */
export interface Contender {
  readonly check: () => string;
  readonly operations: number;
  readonly run: () => void;
  /** A figure that is not a rate (bytes held per outcome…), measured after the timed runs and printed under the row. */
  readonly note?: () => string;
}

/** One child's answer. */
export interface ChildReport {
  readonly contender: string;
  readonly check: string;
  readonly perSecond: readonly number[];
  readonly maxRssMb: number;
  /** What the timed runs kept alive (see {@link keep}). */
  readonly kept: number;
  /** The contender's note, if it has one. */
  readonly note?: string;
}

const MARK = '@@bench ';

let blackhole = 0;

/** Keeps a result alive so the engine cannot drop the work that made it. */
export function keep(value: number): void {
  blackhole = (blackhole + value) | 0;
}

/** The sum of everything kept (printed by the child, so it is observable). */
export function kept(): number {
  return blackhole;
}

/** Warms up (two runs), then times `rounds` runs and prints the report line. */
export function sampleContender(name: string, contender: Contender, rounds = 5): void {
  const check = contender.check();
  contender.run();
  contender.run();
  const perSecond: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    contender.run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    perSecond.push(contender.operations / seconds);
  }
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const note = contender.note?.();
  const report: ChildReport = { contender: name, check, perSecond, maxRssMb, kept: kept(), ...(note === undefined ? {} : { note }) };
  console.log(MARK + JSON.stringify(report));
}

/** For work that can run only once per process (a first daily cycle): prints one timed sample (and a note, printed under the row). */
export function reportOnce(name: string, check: string, operations: number, seconds: number, note?: string): void {
  const report: ChildReport = { contender: name, check, perSecond: [operations / seconds], maxRssMb: process.resourceUsage().maxRSS / 1024, kept: kept(), ...(note === undefined ? {} : { note }) };
  console.log(MARK + JSON.stringify(report));
}

/** Finds the report line in a child's output. */
export function readChildReport(stdout: string): ChildReport | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(MARK));
  return line === undefined ? undefined : (JSON.parse(line.slice(MARK.length)) as ChildReport);
}

/** The contender a child process was started for (`--contender NAME`), if any. */
export function contenderArgument(argv: readonly string[] = process.argv): string | undefined {
  const at = argv.indexOf('--contender');
  return at === -1 ? undefined : argv[at + 1];
}

/**
 * The child side of a bench file in one call: when this process was started for a
 * contender, builds it from `contenders` and samples it, and returns true; in the
 * parent it returns false and the file goes on to compare.
 */
export async function runContenderIfChild(contenders: Record<string, () => Contender | Promise<Contender>>, rounds = 5): Promise<boolean> {
  const name = contenderArgument();
  if (name === undefined) return false;
  const make = contenders[name];
  if (make === undefined) throw new Error(`unknown contender ${name}`);
  sampleContender(name, await make(), rounds);
  return true;
}
