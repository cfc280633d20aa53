import { runCli } from '../../src/cli/program.js';

/** Runs the CLI in process with captured output, as a terminal-less script would. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
