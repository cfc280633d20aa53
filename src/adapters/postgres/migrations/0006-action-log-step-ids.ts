/**
 * Version 6: an action-log entry may record several steps at once (the steps a
 * later step superseded in one evaluation), so a catch-up of many missed steps
 * writes one row per invoice instead of one per step.
 */
export const actionLogStepIds = (s: string): string => `
ALTER TABLE ${s}.action_log ADD COLUMN step_ids jsonb;
`;
