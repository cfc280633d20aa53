import type { SettingsSubject, SubjectSettings } from './subject-settings.js';

/** The subject of an invoice's branch and contract, absent parts left out. */
export function subjectOf(branch: string | undefined, contract: string | undefined): SettingsSubject {
  return { ...(branch !== undefined ? { branch } : {}), ...(contract !== undefined ? { contract } : {}) };
}

/**
 * `resolve` of each (branch, contract) asked for, remembered: the cycle asks for the settings of every invoice it
 * evaluates (the ruler's groups, the automatic requests, each action), almost always of the same few subjects, so a
 * call is two map look-ups (one when both parts are absent) and builds no subject object. An absent part and an empty
 * one are different subjects, as {@link subjectOf} makes them.
 */
export function subjectSettingsMemo(resolve: (subject: SettingsSubject) => SubjectSettings): (branch?: string, contract?: string) => SubjectSettings {
  let general: SubjectSettings | undefined;
  // By branch (`undefined` for none), then by contract (`undefined` for none).
  const byBranch = new Map<string | undefined, Map<string | undefined, SubjectSettings>>();
  return (branch, contract) => {
    if (branch === undefined && contract === undefined) return (general ??= resolve({}));
    let byContract = byBranch.get(branch);
    if (byContract === undefined) {
      byContract = new Map();
      byBranch.set(branch, byContract);
    }
    let found = byContract.get(contract);
    if (found === undefined) {
      found = resolve(subjectOf(branch, contract));
      byContract.set(contract, found);
    }
    return found;
  };
}
