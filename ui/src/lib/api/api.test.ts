import { describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { api, KindredError } from '.';

describe('api', () => {
  it('sends camelCase arguments to the named command', async () => {
    const seen: unknown[] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return { id: 7, name: 'Sam' };
    });
    await api.renameTie(7, 'Sam');
    await api.listTies();
    expect(seen).toEqual([
      ['ties_rename', { id: 7, name: 'Sam' }],
      ['ties_list', { scope: 'active' }],
    ]);
  });

  it('turns an error payload into a KindredError with its code and field', async () => {
    mockIPC(() => {
      throw { code: 'validation', message: 'Please give a name.', field: 'name' };
    });
    const error = await api.createPerson('').catch((e) => e);
    expect(error).toBeInstanceOf(KindredError);
    expect(error).toMatchObject({ code: 'validation', message: 'Please give a name.', field: 'name' });
  });

  it('never shows a raw or unexpected rejection to the person', async () => {
    mockIPC(() => {
      throw new Error('ipc channel closed: ECONNRESET');
    });
    const error = await api.listTies().catch((e) => e);
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('ECONNRESET');
    expect(error.message).toMatch(/safe to try again/);
  });
});
