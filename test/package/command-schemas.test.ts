/**
 * The command schemas hosts import to validate at their edge: one per command
 * that takes an input, the very type the command takes, strict at run time.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { commandSchemas, type CommandInput, type CommandName } from '../../src/app/command-schemas.js';
import type { Collections } from '../../src/app/index.js';
import { checkInput, type InputOf } from '../../src/errors.js';

/** Commands whose input is not a command object: no schema expected. */
type NotCommands = 'performEffects' | 'pendingEffects' | 'accountHistory' | 'invoiceHistory' | 'classifyNow' | 'applyBureauReport' | 'listAgreementCategories' | 'listEmailTemplates';

/** Commands that take an input but have no entry in `commandSchemas` (should be none). */
type Missing = Exclude<keyof Collections, CommandName | NotCommands>;

/** Commands whose parameter is not the `InputOf` of their schema (should be none). */
type Mismatched = {
  [K in CommandName]: Collections[K] extends (input: infer P) => unknown ? ([NonNullable<P>] extends [NonNullable<InputOf<(typeof commandSchemas)[K]>>] ? ([NonNullable<InputOf<(typeof commandSchemas)[K]>>] extends [NonNullable<P>] ? never : K) : K) : K;
}[CommandName];

describe('commandSchemas', () => {
  it('covers every command that takes an input, with the type the command takes', () => {
    expectTypeOf<Missing>().toEqualTypeOf<never>();
    expectTypeOf<Mismatched>().toEqualTypeOf<never>();
    expectTypeOf<CommandInput<'recordPayment'>>().toHaveProperty('amount');
  });

  it.each(Object.keys(commandSchemas) as CommandName[])('%s refuses an unknown field (strict)', (name) => {
    const parsed = commandSchemas[name].safeParse({ idempotencyKey: 'k', actor: 'a', surplus: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.some((issue) => issue.code === 'unrecognized_keys' && issue.keys.includes('surplus'))).toBe(true);
  });

  it('parses what a host receives, as the command will', () => {
    const parsed = commandSchemas.recordPayment.safeParse({ idempotencyKey: 'pix-1', actor: 'pix', invoiceId: 'inv-1', amount: '373.52', paidOn: '2026-11-20' });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.amount).toEqual(expect.objectContaining({ cents: 37352 }));
  });

  it('checkInput hands back the value unchanged, typed as the command takes it, or the error the command would return', () => {
    const body: unknown = { idempotencyKey: 'pix-1', actor: 'pix', invoiceId: 'inv-1', amount: '373.52', paidOn: '2026-11-20' };
    const checked = checkInput(commandSchemas.recordPayment, body);
    expect(checked._unsafeUnwrap()).toBe(body);
    expectTypeOf(checked._unsafeUnwrap()).toEqualTypeOf<InputOf<typeof commandSchemas.recordPayment>>();
    const bad = checkInput(commandSchemas.recordPayment, { ...(body as object), amount: 'ten' })._unsafeUnwrapErr();
    expect(bad.code).toBe('invalid_input');
    expect(bad.path).toEqual(['amount']);
  });
});
