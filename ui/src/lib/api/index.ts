/**
 * The one place the UI talks to the Rust side. Each command is wrapped once,
 * with its argument names (camelCase on the wire) and its result type taken
 * from the generated DTOs. Everything else imports from here.
 */
import { invoke } from '@tauri-apps/api/core';

import { toKindredError } from './errors';
import type { AppInfo, Tie, TieScope } from './types.gen';

export { KindredError } from './errors';
export type * from './types.gen';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toKindredError(reason);
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  appReady: () => call<void>('app_ready'),

  listPeople: (scope: TieScope = 'active') => call<Tie[]>('people_list', { scope }),
  createPerson: (name: string) => call<Tie>('people_create', { name }),
  renamePerson: (id: number, name: string) => call<Tie>('people_rename', { id, name }),
  archivePerson: (id: number) => call<Tie>('people_archive', { id }),
  restorePerson: (id: number) => call<Tie>('people_restore', { id }),
};
