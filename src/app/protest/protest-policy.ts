import type { ProtestSettings } from '../../protest/index.js';
import type { SubjectSettings } from '../settings/subject-settings.js';

/** The resolved protest policy of one subject (a branch, a contract): its settings and its notary. */
export interface ProtestPolicy {
  readonly settings: ProtestSettings;
  /** The notary for a debtor in `city`/`state`: the setting `protestNotary`, or the protest office of the debtor's town (Lei 9.492/1997 art. 6: the place of payment). */
  notaryFor(city: string | undefined, state: string | undefined): string;
}

/** The protest policy read from a subject's settings (the one settings tree: `protest…` settings, general → branch → contract). */
export function protestPolicyOf(settings: SubjectSettings): ProtestPolicy {
  const notary = settings.values.protestNotary;
  return {
    settings: settings.protest,
    notaryFor: (city, state) => notary ?? `Tabelionato de Protesto de ${city ?? '?'}${state ? `/${state}` : ''}`,
  };
}
