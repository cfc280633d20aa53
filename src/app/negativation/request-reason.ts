import type { RegistrationGroup } from '../../negativation/index.js';
import type { RequestAuthorization } from './request-authorization.js';
import type { AppContext } from '../dependencies.js';
import { perApp } from './per-app.js';

/** What a request's reason is made of (see {@link requestReason}). */
interface ReasonParts {
  readonly reason: string | undefined;
  readonly authorization: RequestAuthorization;
  readonly bureau: string;
  readonly bureauSource: string;
  readonly registration: RegistrationGroup | undefined;
}

/** The parts of an app's last automatic request's reason and the text made of them (see {@link requestReason}). */
interface LastReason { readonly reason: string | undefined; readonly setting: string; readonly path: readonly (string | number)[]; readonly rulerId: string | undefined; readonly stepId: string | undefined; readonly bureau: string; readonly bureauSource: string; readonly text: string }

/** Each app's last reason (one app's text is never handed to another). */
const lastOf = perApp((): { last: LastReason | undefined } => ({ last: undefined }));

/**
 * The reason a request keeps in the negativation's history: the caller's reason, what authorised it, the bureau and
 * where it came from, and the registration of several titles. The cycle's requests of one step give the same text
 * request after request: made once and handed back (the same string, not a copy per negativation kept in the store)
 * while its parts are the same values; the last text is remembered per app (`context`'s).
 */
export function requestReason(context: Pick<AppContext, 'policies'>, parts: ReasonParts): string {
  const { reason, authorization, bureau, bureauSource, registration } = parts;
  if (authorization.kind !== 'setting' || registration !== undefined) return reasonText(parts);
  const { setting, path, rulerId, stepId } = authorization;
  const memo = lastOf(context);
  const { last } = memo;
  if (last !== undefined && last.reason === reason && last.setting === setting && last.rulerId === rulerId && last.stepId === stepId && last.bureau === bureau && last.bureauSource === bureauSource && samePath(last.path, path)) return last.text;
  const text = reasonText(parts);
  memo.last = { reason, setting, path: [...path], rulerId, stepId, bureau, bureauSource, text };
  return text;
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function reasonText({ reason, authorization, bureau, bureauSource, registration }: ReasonParts): string {
  return [reason, authorizationText(authorization), `bureau ${bureau} (${bureauSource})`, registration ? `registration ${registration.id} of ${registration.titleIds.length} titles` : ''].filter(Boolean).join('; ');
}

function authorizationText(authorization: RequestAuthorization): string {
  if (authorization.kind === 'terms') return `terms v${authorization.version} accepted by ${authorization.acceptedBy} at ${authorization.acceptedAt}`;
  const step = authorization.stepId !== undefined ? ` by step ${authorization.stepId} of ruler ${authorization.rulerId ?? ''}` : '';
  return `automatic${step}: ${authorization.setting} (${authorization.path.join('.')})`;
}
