import { describe, expect, it } from 'vitest';
import { parseNegativation, startNegativation } from '../../src/negativation/index.js';
import { calendar, requestInput, run, negativatedEvents } from './fixtures.js';

const registration = { id: 'reg-1', titleIds: ['inv-1', 'inv-2', 'inv-3'] };

describe('several titles in one registration (seed 000): the domain side', () => {
  it('a title requested with its registration keeps it, and a stored one reads back the same', () => {
    const started = startNegativation(requestInput({ registration }), { calendar })._unsafeUnwrap().negativation;
    expect(started.registration).toEqual(registration);
    const { negativation } = run(started, negativatedEvents);
    expect(parseNegativation(JSON.parse(JSON.stringify(negativation)))._unsafeUnwrap().registration).toEqual(registration);
  });

  it('refuses a registration that leaves this title out, names a title twice, or holds a single title', () => {
    const outside = startNegativation(requestInput({ registration: { id: 'reg-1', titleIds: ['inv-2', 'inv-3'] } }), { calendar });
    expect(outside._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['registration', 'titleIds'] });
    const twice = startNegativation(requestInput({ registration: { id: 'reg-1', titleIds: ['inv-1', 'inv-1'] } }), { calendar });
    expect(twice._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['registration', 'titleIds'] });
    const single = startNegativation(requestInput({ registration: { id: 'reg-1', titleIds: ['inv-1'] } }), { calendar });
    expect(single._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['registration', 'titleIds'] });
  });
});
