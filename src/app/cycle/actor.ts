/** The actor the daily cycle writes as. */
export const CYCLE_ACTOR = 'system:daily-cycle';
