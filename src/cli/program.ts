import { Command, CommanderError, Option } from 'commander';
import type { Result } from 'neverthrow';
import { agreementCommand, type AgreementFlags } from './commands/agreement.js';
import { negativationExplainCommand, type ExplainFlags } from './commands/negativation-explain.js';
import { rulerCheckCommand, type RulerCheckFlags } from './commands/ruler-check.js';
import { rulerRunCommand, type RulerRunFlags } from './commands/ruler-run.js';
import { DEFAULT_SIMULATION, simulateCommand, type SimulateFlags } from './commands/simulate.js';
import { formatFailure, type CliFailure } from './failure.js';
import type { Io } from './output.js';

const json = () => new Option('--json', 'print JSON for scripts instead of tables');

/** Builds the `cobranca` program; each action stores its outcome in `finish`. */
function program(io: Io, finish: (outcome: Promise<Result<void, CliFailure>> | Result<void, CliFailure>) => void): Command {
  const root = new Command('cobranca')
    .description('Debt collection for Brazil from the command line: a simulation with a visual report, agreements, the ruler and negativation.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .showHelpAfterError('(add --help for usage)');

  root
    .command('simulate')
    .description('simulate a synthetic portfolio through the daily cycle, print a summary, write an HTML report')
    .option('--seed <n>', 'seed of the synthetic portfolio and behaviours', String(DEFAULT_SIMULATION.seed))
    .option('--customers <n>', 'customers', String(DEFAULT_SIMULATION.customers))
    .option('--invoices-per-customer <n>', 'monthly invoices per customer', String(DEFAULT_SIMULATION.invoicesPerCustomer))
    .option('--days <n>', 'simulated days', String(DEFAULT_SIMULATION.days))
    .option('--start <date>', 'first simulated day (YYYY-MM-DD)', DEFAULT_SIMULATION.start)
    .option('--store <kind>', "embedded store: 'memory' or 'pglite' (a temporary directory)", DEFAULT_SIMULATION.store)
    .option('--database-url <url>', 'a PostgreSQL server instead (a fresh schema per run)')
    .option('--out <dir>', 'where report.html and summary.json are written', 'simulation')
    .option('--no-progress', 'no progress bar')
    .addOption(json())
    .action((flags: SimulateFlags) => finish(simulateCommand(flags, io)));

  root
    .command('agreement')
    .description('propose an agreement (new proposal) from flags or a JSON file and print its installments')
    .option('--file <file>', "a JSON proposal (proposeAgreement's input)")
    .option('--amount <brl>', 'the debt, e.g. 373.52')
    .option('--due <date>', 'its due date (YYYY-MM-DD)')
    .option('--as-of <date>', 'the day of the proposal (today by default)')
    .option('--installments <n>', 'number of monthly installments', '1')
    .option('--first-due <date>', 'first installment due date')
    .option('--tolerance <date>', 'last day before the agreement counts as broken')
    .option('--fine <percent>', 'fine (%), on the first installment')
    .option('--surcharge <percent>', 'surcharge (%), spread')
    .option('--discount <percent>', 'discount (%), spread')
    .option('--discount-amount <brl>', 'discount (R$), spread')
    .option('--fees <brl>', 'fees (R$), on the first installment')
    .option('--charges <brl>', 'charges (R$), on the first installment')
    .addOption(json())
    .action((flags: AgreementFlags) => finish(agreementCommand(flags, io)));

  const ruler = root.command('ruler').description('check a ruler configuration, or run it over a portfolio');
  ruler
    .command('check')
    .description('validate rulers and settings (JSON: { rulers, settings, bureaus }); with --due, show what fires for a sample invoice')
    .argument('<file>', 'the configuration file')
    .option('--due <date>', 'due date of a sample invoice')
    .option('--on <date>', 'the day to explain (default: the due date)')
    .option('--amount <brl>', 'amount of the sample invoice', '300.00')
    .option('--kind <kind>', "customer kind: 'person' or 'company'", 'person')
    .option('--branch <id>', 'branch of the sample invoice')
    .option('--contract <id>', 'contract of the sample invoice')
    .addOption(json())
    .action((file: string, flags: RulerCheckFlags) => finish(rulerCheckCommand(file, flags, io)));
  ruler
    .command('run')
    .description('run the daily cycle over a portfolio (CSV or JSON) day by day, on the embedded store or PostgreSQL (a dry run: nothing is sent)')
    .requiredOption('--config <file>', 'the configuration file (as for ruler check)')
    .requiredOption('--portfolio <file>', 'invoices with their customers, CSV with a header row or a JSON array')
    .option('--from <date>', 'first day (today by default)')
    .option('--to <date>', 'last day (default: --from)')
    .option('--store <kind>', "'memory' or 'pglite'", 'memory')
    .option('--database-url <url>', 'a PostgreSQL server instead')
    .addOption(json())
    .action((flags: RulerRunFlags) => finish(rulerRunCommand(flags, io)));

  root
    .command('negativation')
    .description('bureau registration (negativação)')
    .command('explain')
    .description('the state diagram, the guards in force with their legal basis, and the deadlines of a sample title')
    .option('--amount <brl>', 'amount of the sample title', '300.00')
    .requiredOption('--due <date>', 'due date of the sample title')
    .requiredOption('--as-of <date>', 'the day to check the guards on')
    .option('--notice-on <date>', 'the day the prior notice was posted')
    .option('--paid-on <date>', 'the day the money became available (for the removal deadline)')
    .addOption(json())
    .action((flags: ExplainFlags) => finish(negativationExplainCommand(flags, io)));
  return root;
}

/** Runs the CLI on `argv` (without `node` and the script); resolves with the exit code. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let outcome: Promise<Result<void, CliFailure>> | Result<void, CliFailure> | undefined;
  try {
    await program(io, (o) => (outcome = o)).parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 1;
    throw e;
  }
  if (outcome === undefined) return 0;
  const result = await outcome;
  if (result.isOk()) return 0;
  io.err(formatFailure(result.error));
  return result.error.exitCode;
}
