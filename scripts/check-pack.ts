/**
 * What `npm pack` ships: LICENSE, README.md, CHANGELOG.md, package.json and
 * `dist/` only; every `exports` target present; source maps without the sources
 * embedded; `repository`, `homepage` and `bugs` present, naming one
 * repository, with no placeholder, machine path or registry host in them;
 * and the built bundles keep what a bundler could silently drop (see
 * {@link bundleProblems}). Prints the file count and sizes.
 *
 * Run after `npm run build`: `npx tsx scripts/check-pack.ts`.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, manifest, run } from './support.js';

interface PackedFile {
  readonly path: string;
  readonly size: number;
}

const [packed] = JSON.parse(run('npm', ['pack', '--dry-run', '--json'], ROOT)) as { files: PackedFile[]; size: number; unpackedSize: number }[];
if (!packed) throw new Error('npm pack --dry-run listed nothing');
const paths = new Set(packed.files.map((file) => file.path));
const problems: string[] = [];

const TOP_LEVEL = ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json'];
for (const path of paths) if (!TOP_LEVEL.includes(path) && !path.startsWith('dist/')) problems.push(`ships ${path}, which is neither dist/ nor ${TOP_LEVEL.join(', ')}`);
for (const required of TOP_LEVEL) if (!paths.has(required)) problems.push(`does not ship ${required}`);

/** Every string target under `exports` (types, import, require). */
function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return value && typeof value === 'object' ? Object.values(value).flatMap(targets) : [];
}
for (const target of targets(manifest.exports)) {
  const path = target.replace(/^\.\//, '');
  if (!paths.has(path)) problems.push(`exports names ${target}, which is not in the package`);
}
for (const listed of manifest.files) if (![...paths].some((path) => path === listed || path.startsWith(`${listed}/`))) problems.push(`files lists ${listed}, which does not exist`);

for (const path of paths) {
  if (!path.endsWith('.map')) continue;
  const map = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as { sourcesContent?: unknown[] };
  if (map.sourcesContent?.some((content) => content !== null)) problems.push(`${path} embeds the sources`);
}

/** `repository`, `homepage` and `bugs`: present, about the same repository, and no placeholder left in them. */
function metadataProblems(): string[] {
  const meta = manifest as unknown as { repository?: { url?: string } | string; homepage?: string; bugs?: { url?: string } | string };
  const repository = typeof meta.repository === 'string' ? meta.repository : meta.repository?.url;
  const bugs = typeof meta.bugs === 'string' ? meta.bugs : meta.bugs?.url;
  const fields = { repository, homepage: meta.homepage, bugs };
  const out: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (!value) out.push(`package.json has no ${name}`);
    else if (/example\.|localhost|127\.0\.0\.1|todo|your-|<|>|\/work\/|\/home\/|registry/i.test(value)) out.push(`package.json ${name} looks like a placeholder or a machine path: ${value}`);
  }
  const slug = /github\.com\/([^/#]+\/[^/#.]+)/;
  const slugs = new Set(Object.values(fields).map((value) => value?.match(slug)?.[1]));
  if (slugs.size !== 1) out.push(`package.json repository, homepage and bugs name different repositories: ${[...slugs].join(', ')}`);
  return out;
}
problems.push(...metadataProblems());

/**
 * Code whose effect the bundler's tree shaking can drop without a type or test
 * failing: tests run on the sources, so only the built files can tell. The
 * negativation mark (src/negativation/vouched.ts) is written by a call whose
 * result looked unused and was dropped once, which silently sent every
 * `transition` through the structural check. Each built file holding that
 * module is loaded again with its two functions exported (a copy beside it, so
 * its imports resolve, removed at once): a record it vouches must read back as
 * vouched.
 */
async function bundleProblems(): Promise<string[]> {
  const out: string[] = [];
  const marker = '// src/negativation/vouched.ts';
  const dist = join(ROOT, 'dist');
  const copies = readdirSync(dist).filter((file) => /\.(c|m)?js$/.test(file) && readFileSync(join(dist, file), 'utf8').includes(marker));
  if (copies.length === 0) out.push(`no built file holds ${marker}`);
  for (const file of copies) {
    const commonJs = file.endsWith('.cjs');
    const probe = join(dist, `probe-${process.pid}-${file}`);
    const text = readFileSync(join(dist, file), 'utf8');
    writeFileSync(probe, `${text}\n${commonJs ? 'module.exports.__probe = { isVouched, vouch };' : 'export const __probe = { isVouched, vouch };'}\n`);
    try {
      type Probe = { isVouched: (value: unknown) => boolean; vouch: (value: object) => object };
      const loaded = (commonJs ? createRequire(import.meta.url)(probe) : await import(pathToFileURL(probe).href)) as { __probe: Probe };
      const { isVouched, vouch } = loaded.__probe;
      if (!isVouched(vouch({ version: 1, history: [{ version: 1 }] }))) out.push(`dist/${file}: a negativation vouched by the built vouched.ts does not read back as vouched (the bundler dropped the mark?)`);
    } catch (error) {
      out.push(`dist/${file}: could not load the built vouched.ts with isVouched and vouch exported: ${String(error)}`);
    } finally {
      rmSync(probe, { force: true });
    }
  }
  return out;
}
problems.push(...(await bundleProblems()));

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
console.log(`npm pack: ${paths.size} files, ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked; top level: ${[...paths].filter((path) => !path.includes('/')).sort().join(', ')}, dist/`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
