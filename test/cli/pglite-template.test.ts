import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteFromTemplate } from '../../src/cli/simulate/pglite-template.js';

/** A schema key no real run uses, so the test builds its own templates. */
const key = `test-${process.pid}-${Date.now()}`;
const made: string[] = [];
const templates = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('cobranca-pglite-template-'));
const before = new Set(templates());
afterAll(() => {
  for (const dir of [...made, ...templates().filter((n) => !before.has(n)).map((n) => join(tmpdir(), n))]) rmSync(dir, { recursive: true, force: true });
});

describe('pgliteFromTemplate: a PGlite data directory copied from a template built once', () => {
  it('builds the template on the first call only, and gives every run its own copy', async () => {
    let builds = 0;
    const build = async (dir: string) => {
      builds++;
      writeFileSync(join(dir, 'PG_VERSION'), '17\n');
    };
    const first = await pgliteFromTemplate(key, build);
    const second = await pgliteFromTemplate(key, build);
    made.push(first, second);
    expect(builds).toBe(1);
    expect(first).not.toBe(second);
    expect(readFileSync(join(first, 'PG_VERSION'), 'utf8')).toBe('17\n');
    writeFileSync(join(first, 'PG_VERSION'), 'changed by a run');
    expect(readFileSync(join(second, 'PG_VERSION'), 'utf8')).toBe('17\n');
    expect(readFileSync(join(await pgliteFromTemplate(key, build), 'PG_VERSION'), 'utf8')).toBe('17\n');
  });

  it('another schema key builds another template', async () => {
    let builds = 0;
    made.push(await pgliteFromTemplate(`${key}-migration-7`, async () => void builds++));
    expect(builds).toBe(1);
  });

  it('a failed build leaves no template behind, and the next run builds again', async () => {
    const failing = `${key}-failing`;
    const count = templates().length;
    const building = () => readdirSync(tmpdir()).filter((n) => n.startsWith('cobranca-pglite-building-')).length;
    const buildingBefore = building();
    await expect(pgliteFromTemplate(failing, async () => Promise.reject(new Error('initdb failed')))).rejects.toThrow('initdb failed');
    expect(templates()).toHaveLength(count);
    expect(building()).toBe(buildingBefore);
    let builds = 0;
    made.push(await pgliteFromTemplate(failing, async () => void builds++));
    expect(builds).toBe(1);
  });
});
