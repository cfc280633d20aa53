/**
 * A `changeset version` dry run: versions a copy of the package in a temporary
 * directory (package.json, CHANGELOG.md, .changeset/) and checks that it produces
 * a CHANGELOG entry for every pending changeset. Nothing in the repository changes.
 *
 * Run: `npx tsx scripts/check-changesets.ts`.
 */
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run, temporaryDirectory } from './support.js';

const pending = readdirSync(join(ROOT, '.changeset')).filter((name) => name.endsWith('.md') && name !== 'README.md');
const work = temporaryDirectory('cobranca-changesets');
try {
  for (const name of ['package.json', 'CHANGELOG.md', '.changeset']) if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(work, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
  run(process.execPath, [join(ROOT, 'node_modules/@changesets/cli/bin.js'), 'version'], work);
  const before = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const after = (JSON.parse(readFileSync(join(work, 'package.json'), 'utf8')) as { version: string }).version;
  const changelog = readFileSync(join(work, 'CHANGELOG.md'), 'utf8');
  const left = readdirSync(join(work, '.changeset')).filter((name) => name.endsWith('.md') && name !== 'README.md');
  if (left.length > 0) throw new Error(`changeset version left ${left.join(', ')} unconsumed`);
  if (pending.length > 0 && (after === before || !changelog.includes(`## ${after}`))) throw new Error(`changeset version did not produce a CHANGELOG entry for ${after}`);
  console.log(pending.length > 0 ? `changeset version (dry run): ${pending.length} pending changeset(s) would release ${before} → ${after}` : 'changeset version (dry run): nothing pending');
} finally {
  rmSync(work, { recursive: true, force: true });
}
