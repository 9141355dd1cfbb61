import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { api } from '../api';
import LogContactDialog from './LogContactDialog.svelte';

describe('Log a contact', () => {
  it('saves who, when, how and how it felt, and closes', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Ana', 'Sam']);
    const ties = await api.listTies();
    const onSaved = vi.fn();
    const onClose = vi.fn();
    render(LogContactDialog, { ties, preselected: [ties[1].id], onSaved, onClose });

    expect(screen.getByRole('dialog', { name: 'Log a contact' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Sam' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Ana' }));
    await user.click(screen.getByRole('radio', { name: 'In person' }));
    await user.click(screen.getByRole('radio', { name: 'They did' }));
    await user.click(screen.getByRole('radio', { name: 'Better' }));
    await user.type(screen.getByLabelText(/a note/i), 'Lunch by the canal');
    await user.click(screen.getByRole('button', { name: 'Save contact' }));

    const sent = backend.calls.find((c) => c.cmd === 'contacts_create')?.args.draft;
    expect(sent).toMatchObject({
      channel: 'in_person',
      initiatedBy: 'them',
      felt: 'better',
      note: 'Lunch by the canal',
      occurredTime: null,
    });
    expect((sent as { tieIds: number[] }).tieIds.sort()).toEqual([ties[0].id, ties[1].id].sort());
    expect(onSaved).toHaveBeenCalled();
    expect(onClose).toHaveBeenCalled();
  });

  it('shows the reason beside the field when nobody is chosen, and stays open', async () => {
    const user = userEvent.setup();
    installFakeBackend(['Sam']);
    const ties = await api.listTies();
    const onClose = vi.fn();
    render(LogContactDialog, { ties, onSaved: vi.fn(), onClose });
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose who the contact was with.');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes with Escape', async () => {
    const user = userEvent.setup();
    installFakeBackend(['Sam']);
    const onClose = vi.fn();
    render(LogContactDialog, { ties: await api.listTies(), onSaved: vi.fn(), onClose });
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });

  it('edits a logged contact in place', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Sam']);
    const ties = await api.listTies();
    const existing = await api.createContact({
      occurredOn: '2026-11-20',
      occurredTime: '18:30',
      channel: 'video',
      initiatedBy: 'me',
      felt: null,
      note: 'Quick catch-up',
      tieIds: [ties[0].id],
    });
    const onSaved = vi.fn();
    render(LogContactDialog, { ties, existing, onSaved, onClose: vi.fn() });
    expect(screen.getByRole('dialog', { name: 'Edit this contact' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Video' })).toBeChecked();
    expect(screen.getByLabelText(/a note/i)).toHaveValue('Quick catch-up');
    await user.clear(screen.getByLabelText(/a note/i));
    await user.type(screen.getByLabelText(/a note/i), 'Long call about the move');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const update = backend.calls.find((c) => c.cmd === 'contacts_update');
    expect(update?.args).toMatchObject({ id: existing.id, draft: { note: 'Long call about the move', channel: 'video' } });
    expect(backend.calls.filter((c) => c.cmd === 'contacts_create')).toHaveLength(1);
    expect(onSaved).toHaveBeenCalled();
  });
});
