#!/usr/bin/env node
/**
 * The `cobranca` command: `cobranca simulate`, `agreement`, `ruler check`,
 * `ruler run`, `negativation explain` (each with `--help` and `--json`).
 * @module cli
 */
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  interactive: process.stderr.isTTY === true,
});
