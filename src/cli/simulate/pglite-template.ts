import { createHash } from 'node:crypto';
import { constants, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Written last into a finished template, so a half-built one is never used. */
const READY = 'cobranca-template-ready';

/** The installed PGlite's version, read from its package.json beside the resolved module (`unknown` if not found). */
function pgliteVersion(): string {
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
    for (let up = 0; up < 5; up++, dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite') return pkg.version ?? 'unknown';
    }
  } catch {
    // not resolvable here: the key still changes with the migrations
  }
  return 'unknown';
}

/** How {@link pgliteFromTemplate} builds a template the first time: open PGlite in the directory, migrate, close. */
export type BuildTemplate = (dataDir: string) => Promise<void>;

/**
 * A PGlite data directory ready for a run, copied from a cached template.
 *
 * `PGlite.create` on an empty directory runs initdb (about 10 s of CPU) and the
 * store's migrations add 1.5 s more; a copy of a directory already initialised
 * and migrated opens in about 2.5 s. The template lives in the system's
 * temporary directory under a name that hashes the PGlite version and the
 * migrations' SQL (`schemaKey`), so a new PGlite or a new migration builds a
 * new one. It is built once, in a scratch directory renamed into place when
 * finished: two runs starting together each build one and the first rename
 * wins. Answers the fresh copy's path; the caller removes it.
 */
export async function pgliteFromTemplate(schemaKey: string, build: BuildTemplate): Promise<string> {
  const key = createHash('sha256').update(`${pgliteVersion()}\n${schemaKey}`).digest('hex').slice(0, 16);
  const template = join(tmpdir(), `cobranca-pglite-template-${key}`);
  if (!existsSync(join(template, READY))) {
    const scratch = mkdtempSync(join(tmpdir(), 'cobranca-pglite-building-'));
    try {
      await build(scratch);
      writeFileSync(join(scratch, READY), `${key}\n`);
      renameSync(scratch, template);
    } catch (error) {
      rmSync(scratch, { recursive: true, force: true });
      // another run finished its template first: use that one
      if (!existsSync(join(template, READY))) throw error;
    }
  }
  const copy = mkdtempSync(join(tmpdir(), 'cobranca-simulation-'));
  cpSync(template, copy, { recursive: true, mode: constants.COPYFILE_FICLONE });
  return copy;
}
