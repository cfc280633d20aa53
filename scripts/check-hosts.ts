/**
 * Types that hold in every host setup: packs the package, installs the tarball
 * into three throwaway hosts (ESM with `module: nodenext`, CommonJS with
 * `module: node16`, and `moduleResolution: bundler` bundled for the browser
 * platform), typechecks a realistic host program and an import of every entry in
 * each with `strict` and `skipLibCheck: false`, runs them, and compares the
 * program's output with `test/hosts/program.expected.txt`. In the ESM host it
 * also typechecks and runs every program in `examples/` (with `--check`, which
 * makes a server example exercise itself and stop) and every snippet a reader is
 * shown (fenced TypeScript in README.md and docs/*.md, `@example` in the TSDoc):
 * a doc that lies fails here.
 *
 * Run after `npm run build`: `npx tsx scripts/check-hosts.ts` (`KEEP_HOSTS=1` keeps the
 * directory; `HOSTS=esm-nodenext` checks only the hosts named).
 */
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownSnippets, tsdocSnippets, unverifiedPages } from './doc-snippets.js';
import { mapDiagnostics, writeSnippetPrograms, type SnippetProgram } from './snippet-programs.js';
import { NODE_ONLY_ENTRIES, ROOT, RUNTIME_BUILTINS, manifest, pack, publicEntries, run, secondsSince, temporaryDirectory } from './support.js';

interface Host {
  readonly name: string;
  readonly packageType: 'module' | 'commonjs';
  readonly compilerOptions: Record<string, unknown>;
  /** Entries imported by `entries.ts` in this host. */
  readonly entries: readonly string[];
  /** Whether this host also checks `examples/` and the documentation's snippets. */
  readonly docs?: boolean;
  /** Runs a compiled program of this host (`program` or `entries`), returning what it printed. */
  readonly run: (dir: string, program: string) => string;
}

const STRICT = { strict: true, skipLibCheck: false, target: 'ES2022', esModuleInterop: true, noEmitOnError: true };
const node = (dir: string, file: string): string => run(process.execPath, [file], dir);

const HOSTS: readonly Host[] = [
  {
    name: 'esm-nodenext',
    packageType: 'module',
    // The documentation's examples open PGlite, whose declarations need Emscripten's global types (PEER_TYPE_NEEDS).
    compilerOptions: { ...STRICT, module: 'nodenext', moduleResolution: 'nodenext', types: ['node', 'emscripten'], outDir: 'out', rootDir: '.' },
    entries: publicEntries(),
    docs: true,
    run: (dir, program) => node(dir, `out/${program}.js`),
  },
  {
    name: 'cjs-node16',
    packageType: 'commonjs',
    compilerOptions: { ...STRICT, module: 'node16', moduleResolution: 'node16', types: ['node'], outDir: 'out' },
    entries: publicEntries(),
    run: (dir, program) => node(dir, `out/${program}.js`),
  },
  {
    // A front-end or edge host: no Node types, bundled for the browser platform, so a `node:` import in a portable entry fails here.
    name: 'bundler',
    packageType: 'module',
    compilerOptions: { ...STRICT, module: 'esnext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM'], types: [], noEmit: true },
    entries: publicEntries().filter((entry) => !NODE_ONLY_ENTRIES.includes(entry)),
    run: (dir, program) => {
      buildSync({ entryPoints: [join(dir, `${program}.ts`)], outfile: join(dir, 'out', `${program}.mjs`), bundle: true, platform: 'browser', external: [...RUNTIME_BUILTINS], format: 'esm', logLevel: 'error' });
      return node(dir, `out/${program}.mjs`);
    },
  },
];

/** A program importing every entry as a namespace, so every shipped declaration file is checked and every entry loads. */
function entriesProgram(entries: readonly string[]): string {
  const imports = entries.map((entry, index) => `import * as entry${index} from '${entry}';`);
  const table = entries.map((entry, index) => `  ['${entry}', Object.keys(entry${index}).length],`);
  return [...imports, '', 'const entries: [string, number][] = [', ...table, '];', 'for (const [name, count] of entries) console.log(`${name}: ${count} exports`);', ''].join('\n');
}

/**
 * Types a peer dependency's own declarations need but do not bring: PGlite's
 * `.d.ts` names Emscripten's types and lists `@types/emscripten` only among its
 * devDependencies, so a host that imports PGlite with `skipLibCheck: false`
 * installs it too (docs/scaling.md says so).
 */
const PEER_TYPE_NEEDS: Readonly<Record<string, readonly string[]>> = { '@electric-sql/pglite': ['@types/emscripten'] };

/**
 * What a host installs beside the package: Node's types, neverthrow (to build
 * `Result`s in its own adapters), and the optional peer
 * dependencies (database drivers …) with their types, as a host using those
 * entries would; the versions are the ones this repository develops against.
 */
function hostDependencies(): string[] {
  const installed = (name: string): string => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const peers = Object.keys(manifest.peerDependencies ?? {});
  const types = peers.map((name) => `@types/${name.replace(/^@(.*)\//, '$1__')}`).filter((name) => name in (manifest.devDependencies ?? {}));
  const needs = peers.flatMap((name) => PEER_TYPE_NEEDS[name] ?? []);
  return ['@types/node', 'neverthrow', ...peers, ...types, ...needs].map((name) => `${name}@${installed(name)}`);
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

const work = temporaryDirectory('cobranca-hosts');
let failed = false;
try {
  let start = performance.now();
  const { tarball } = pack(work);
  writeJson(join(work, 'package.json'), { name: 'cobranca-hosts', private: true });
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--loglevel=error', tarball, ...hostDependencies()], work);
  console.log(`packed and installed into ${HOSTS.length} hosts (${secondsSince(start)})`);
  // The package's `cobranca` command as a user runs it once installed: its own dependencies, the package's entries.
  const agreement = ['agreement', '--json', '--amount', '373.52', '--due', '2026-10-10', '--as-of', '2026-11-24', '--installments', '3', '--first-due', '2026-12-10', '--tolerance', '2026-12-20', '--fine', '2', '--fees', '30.00', '--discount', '5'];
  const command = spawnSync(join(work, 'node_modules', '.bin', 'cobranca'), agreement, { cwd: work, encoding: 'utf8', timeout: 120_000 });
  if (command.status !== 0 || !command.stdout.includes('"total": "392.31"')) throw new Error(`the installed cobranca command failed (exit ${String(command.status)}):\n${command.stdout}${command.stderr}`);
  console.log('the installed `cobranca` command runs (agreement --json)');

  const program = readFileSync(join(ROOT, 'test/hosts/program.ts'), 'utf8');
  const expected = readFileSync(join(ROOT, 'test/hosts/program.expected.txt'), 'utf8');
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');

  const only = process.env.HOSTS?.split(',');
  for (const host of HOSTS.filter((candidate) => !only || only.includes(candidate.name))) {
    start = performance.now();
    const dir = join(work, host.name);
    mkdirSync(dir);
    writeJson(join(dir, 'package.json'), { name: `host-${host.name}`, private: true, type: host.packageType });
    writeJson(join(dir, 'tsconfig.json'), { compilerOptions: host.compilerOptions, include: ['*.ts', ...(host.docs ? ['examples/*.ts', 'snippets/*.ts'] : [])] });
    writeFileSync(join(dir, 'program.ts'), program);
    writeFileSync(join(dir, 'entries.ts'), entriesProgram(host.entries));
    const snippets = host.docs ? [...markdownSnippets(), ...tsdocSnippets()] : [];
    let programs: SnippetProgram[] = [];
    if (host.docs) {
      cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true, filter: (path) => !path.endsWith('.md') });
      programs = writeSnippetPrograms(dir, snippets);
    }
    try {
      try {
        run(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], dir);
      } catch (error) {
        // A snippet's compiler error names the snippet's own file and line.
        throw new Error(mapDiagnostics((error as Error).message, programs), { cause: error });
      }
      const output = host.run(dir, 'program');
      if (output !== expected) throw new Error(`the host program printed\n${output}\ninstead of\n${expected}`);
      const loaded = host.run(dir, 'entries');
      console.log(`host ${host.name}: typecheck clean (strict, skipLibCheck: false); program output as expected; ${host.entries.length} entries load (${secondsSince(start)})`);
      for (const row of loaded.trimEnd().split('\n')) console.log(`  ${row}`);
      if (host.docs) {
        const examples = readdirSync(join(dir, 'examples')).filter((name) => name.endsWith('.ts'));
        for (const example of examples) run(process.execPath, [`out/examples/${example.replace(/\.ts$/, '.js')}`, '--check'], dir);
        // One process runs every snippet (scripts/snippet-harness.ts): a snippet fails when it throws, exits non-zero, writes to stderr or prints other than its `// →` comments.
        const ran = spawnSync(process.execPath, ['out/snippets/main.js'], { cwd: dir, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
        if (ran.status !== 0) throw new Error(`documentation snippets failed when run (exit ${String(ran.status)}${ran.signal ? `, ${ran.signal}` : ''}):\n${ran.stderr}${ran.status === null ? `\nthe last ones that passed:\n${ran.stdout.trimEnd().split('\n').slice(-3).join('\n')}` : ''}`);
        console.log(`  examples/: ${examples.length} programs typecheck and run; docs: ${snippets.length} snippets (README.md, docs/*.md, @example) in ${programs.length} programs typecheck; ${ran.stdout.trimEnd().split('\n').at(-1) ?? ''}`);
        const unverified = unverifiedPages();
        if (unverified.length > 0) console.log(`  not yet verified (their blocks may be sketches): ${unverified.join(', ')}`);
      }
    } catch (error) {
      failed = true;
      console.error(`host ${host.name}: FAILED\n${(error as Error).message}`);
    }
  }
} finally {
  if (process.env.KEEP_HOSTS) console.log(`hosts kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
if (failed) process.exit(1);
