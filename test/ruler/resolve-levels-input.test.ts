import { describe, expect, it } from 'vitest';
import { resolveLevels, settingsLevelSchema } from '../../src/ruler/index.js';

/** Issue 12, defect 7 (found by test/fuzz): `resolveLevels` answers levels of the wrong shape with a typed error, never a throw. */
describe('resolveLevels with levels of the wrong shape', () => {
  const resolve = (levels: unknown) => resolveLevels(settingsLevelSchema as never, { registerAutomatically: 'no' }, levels as never);

  it('reads well-formed levels (the cases below break them)', () => {
    expect(resolve([['general', { registerAutomatically: 'yes' }, ['general']]])._unsafeUnwrap().values).toMatchObject({ registerAutomatically: true });
  });

  it.each<[string, unknown, unknown]>([
    ['a level that is an object, not [source, values, path]', [{ cents: 1 }], [0]],
    ['an unknown source', [['planet', {}, []]], [0]],
    ['a path that is not a list', [['general', {}, 'general']], [0]],
    ['no list at all', 'general', undefined],
  ])('%s', (_what, levels, path) => {
    const error = resolve(levels)._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_input');
    expect(error.path).toEqual(path);
  });
});
