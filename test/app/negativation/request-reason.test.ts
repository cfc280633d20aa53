import { describe, expect, it } from 'vitest';
import { requestReason } from '../../../src/app/negativation/request-reason.js';
import type { Policies } from '../../../src/app/policies.js';

const app = { policies: {} as Policies };

const parts = (path: (string | number)[], stepId?: string) => ({
  reason: undefined,
  authorization: { kind: 'setting' as const, setting: 'registerAutomatically', path, rulerId: 'regua', ...(stepId !== undefined ? { stepId } : {}) },
  bureau: 'serasa',
  bureauSource: 'library',
  registration: undefined,
});

describe('a request\'s reason', () => {
  it('says what authorised it, with the bureau and where it came from', () => {
    expect(requestReason(app, parts(['settings', 'general', 'registerAutomatically'], 'negativar'))).toBe('automatic by step negativar of ruler regua: registerAutomatically (settings.general.registerAutomatically); bureau serasa (library)');
  });

  it('is handed back as the same text while its parts hold the same values, and follows them when they change, even in place', () => {
    const path = ['settings', 'general', 'registerAutomatically'];
    const first = requestReason(app, parts(path, 'negativar'));
    expect(requestReason(app, parts([...path], 'negativar'))).toBe(first);
    path[1] = 'branches';
    expect(requestReason(app, parts(path, 'negativar'))).toBe('automatic by step negativar of ruler regua: registerAutomatically (settings.branches.registerAutomatically); bureau serasa (library)');
    expect(requestReason(app, parts(path))).toBe('automatic: registerAutomatically (settings.branches.registerAutomatically); bureau serasa (library)');
    expect(requestReason(app, { ...parts(path), reason: 'pedido do gestor' })).toBe('pedido do gestor; automatic: registerAutomatically (settings.branches.registerAutomatically); bureau serasa (library)');
    expect(requestReason(app, { ...parts(path), registration: { id: 'registration-1', titleIds: ['i1', 'i2'] } })).toBe('automatic: registerAutomatically (settings.branches.registerAutomatically); bureau serasa (library); registration registration-1 of 2 titles');
  });
});
