/**
 * What allowed a request: the operator's acceptance of the terms (a manual
 * request, seed 000), or the setting (and ruler step) that made it automatic.
 */
export type RequestAuthorization =
  | { readonly kind: 'terms'; readonly acceptedBy: string; readonly acceptedAt: string; readonly version: string }
  | { readonly kind: 'setting'; readonly setting: string; readonly path: readonly (string | number)[]; readonly rulerId?: string; readonly stepId?: string };
