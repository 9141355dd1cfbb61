/** "Need help now?" on a screen shown while the data isn't open (unlock, recovery). */
import { expect } from 'vitest';
import { screen } from '@testing-library/svelte';
import type { UserEvent } from '@testing-library/user-event';

/** Opens the crisis lines in place, checks they asked nothing of the backend, and goes Back. */
export async function openHelpAndComeBack(user: UserEvent, backend: { calls: unknown[] }) {
  const before = backend.calls.length;
  await user.click(screen.getByRole('button', { name: /need help now\?/i }));
  expect(screen.getByRole('heading', { level: 1, name: 'Need help now?' })).toBeInTheDocument();
  expect(screen.getByText('Call 116 123')).toBeInTheDocument();
  expect(backend.calls.length).toBe(before);
  await user.click(screen.getByRole('button', { name: 'Back' }));
}
