import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../../test/fakeBackend';
import { lock } from '../lock.svelte';
import { people } from '../people.svelte';
import YourData from './YourData.svelte';

type Backend = ReturnType<typeof installFakeBackend>;

/** A small Kindred export, as the file chooser would hand it over. */
function exportFile(ties: { name: string }[], extra: Record<string, unknown[]> = {}) {
  const data = {
    format: 'kindred-export',
    version: 1,
    exportedAt: '2026-11-20T10:00:00Z',
    ties: ties.map((t, i) => ({ id: i + 1, kind: 'person', ...t })),
    ...extra,
  };
  return new File([JSON.stringify(data)], 'kindred-export-2026-11-20.json', { type: 'application/json' });
}

const calls = (backend: Backend, cmd: string) => backend.calls.filter((c) => c.cmd === cmd);

beforeEach(() => {
  people.reset();
  lock.reset();
});

describe('Your data', () => {
  it('exports everything and says where the file went', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(YourData);
    await user.click(screen.getByRole('button', { name: 'Export everything' }));
    expect(await screen.findByText('Saved to /home/you/Downloads/kindred-export-2026-11-25.json')).toHaveAttribute(
      'aria-live',
      'polite',
    );
    expect(calls(backend, 'data_export')).toHaveLength(1);
    expect(screen.getByText(/journal as easy-to-read Markdown/)).toBeInTheDocument();
  });

  it('shows what an added file would bring, with matched names, then brings it in', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Sam', 'Ana', 'Noor']);
    render(YourData);
    const file = exportFile([{ name: 'Sam' }, { name: 'Ana' }, { name: 'Lee' }], {
      contacts: [{}, {}, {}, {}],
      journalEntries: [{}],
    });
    await user.upload(screen.getByLabelText('Choose a Kindred export (.json)'), file);

    expect(await screen.findByRole('radio', { name: /Add to what's here/ })).toBeChecked();
    expect(await screen.findByText(/1 person or group, 4 logged contacts and 1 journal entry/)).toBeInTheDocument();
    expect(screen.getByText(/2 people and groups, left as they are/)).toBeInTheDocument();
    expect(screen.getByText('Matched')).toBeInTheDocument();
    expect(screen.getByText(/Sam, Ana/)).toBeInTheDocument();
    expect(screen.queryByText(/will be replaced/)).not.toBeInTheDocument();
    expect(calls(backend, 'data_import')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Bring it in' }));
    await waitFor(() => expect(screen.getByText(/^Done\. Added 1 person or group/)).toBeInTheDocument());
    expect(calls(backend, 'data_import')[0].args.mode).toBe('merge');
    // The people everyone else sees are loaded again.
    await waitFor(() => expect(people.active.map((t) => t.name)).toContain('Lee'));
    expect(screen.queryByRole('button', { name: 'Bring it in' })).not.toBeInTheDocument();
  });

  it('warns plainly that replacing removes what is here, and says how much', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Sam', 'Ana']);
    render(YourData);
    await user.upload(
      screen.getByLabelText('Choose a Kindred export (.json)'),
      exportFile([{ name: 'Lee' }], { reminders: [{}, {}] }),
    );
    await screen.findByText(/^Will add$/);
    await user.click(screen.getByRole('radio', { name: /Replace what's here/ }));

    expect(await screen.findByText(/What's here now will be replaced/)).toBeInTheDocument();
    expect(screen.getByText(/2 people and groups/).textContent).toMatch(/^Will remove 2 people and groups\.$/);
    expect(screen.getByText(/1 person or group and 2 reminders/).textContent).toMatch(/^Will add/);
    expect(calls(backend, 'data_import_preview').map((c) => c.args.mode)).toEqual(['merge', 'replace']);

    await user.click(screen.getByRole('button', { name: 'Bring it in' }));
    await waitFor(() => expect(screen.getByText(/^Done\. Removed what was here/)).toBeInTheDocument());
    expect(calls(backend, 'data_import')[0].args.mode).toBe('replace');
    expect(backend.ties.map((t) => t.name)).toEqual(['Lee']);
  });

  it('explains a file that is not an export beside the chooser, and offers no import', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    render(YourData);
    const input = screen.getByLabelText('Choose a Kindred export (.json)');
    await user.upload(input, new File(['{"ties": ['], 'notes.json', { type: 'application/json' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      "This isn't a Kindred export: it isn't complete, readable JSON. Nothing has changed.",
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/isn't a Kindred export/);
    expect(screen.queryByRole('button', { name: 'Bring it in' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(calls(backend, 'data_import')).toHaveLength(0);
  });

  it('lists backups in words, and backs up now', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    backend.backups.push(
      {
        name: 'kindred-daily-a.sqlite3',
        kind: 'daily',
        takenAt: '2026-11-24T08:00:00Z',
        bytes: 2_400_000,
        encrypted: false,
      },
      {
        name: 'kindred-before-restore-b.sqlite3',
        kind: 'before_restore',
        takenAt: '2026-11-20T08:00:00Z',
        bytes: 900,
        encrypted: false,
      },
      {
        name: 'kindred-set-aside-2026-11-18T07-00-00Z.sqlite3',
        kind: 'set_aside',
        takenAt: '2026-11-18T07:00:00Z',
        bytes: 300_000,
        encrypted: false,
      },
    );
    render(YourData);
    const list = await screen.findByRole('list', { name: 'Backups, newest first' });
    expect(within(list).getByText('Daily')).toBeInTheDocument();
    expect(within(list).getByText('2.3 MB')).toBeInTheDocument();
    expect(within(list).getByText('Taken before a restore')).toBeInTheDocument();
    expect(within(list).getByText('1 KB')).toBeInTheDocument();
    expect(within(list).getByText("Set aside when it wouldn't open")).toBeInTheDocument();
    expect(screen.getByText(/keeps the newest seven/)).toBeInTheDocument();
    expect(screen.getByText(/any file set aside because it wouldn't open stay until you delete everything/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(4));
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('You made this');
    expect(screen.getByText(/^Backed up/)).toBeInTheDocument();
  });

  it('asks before restoring a backup, then restores it and loads people again', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Sam']);
    backend.backups.push({
      name: 'kindred-daily-a.sqlite3',
      kind: 'daily',
      takenAt: '2026-11-24T08:00:00Z',
      bytes: 240_000,
      encrypted: false,
    });
    render(YourData);
    await user.click(await screen.findByRole('button', { name: /^Restore the backup from/ }));

    const dialog = screen.getByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveTextContent(/safety copy of everything as it is now/);
    expect(calls(backend, 'data_restore')).toHaveLength(0);
    // Focus starts on the gentle way out.
    expect(within(dialog).getByRole('button', { name: 'Not now' })).toHaveFocus();

    const loadsBefore = calls(backend, 'ties_list').length;
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls(backend, 'data_restore')[0].args).toEqual({ name: 'kindred-daily-a.sqlite3' });
    expect(await screen.findByText(/^Restored\. Kindred is back to how it was/)).toBeInTheDocument();
    expect(calls(backend, 'ties_list').length).toBeGreaterThan(loadsBefore);
    expect(screen.getByText('Taken before a restore')).toBeInTheDocument();
  });

  it('brings back a backup locked with a passphrase the data lacks as a file, then asks for the passphrase', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Noor']);
    backend.backups.push({
      name: 'kindred-set-aside-2026-11-24T08-00-00Z.sqlite3',
      kind: 'set_aside',
      takenAt: '2026-11-24T08:00:00Z',
      bytes: 240_000,
      encrypted: true,
    });
    await lock.refresh();
    render(YourData);
    await user.click(await screen.findByRole('button', { name: /^Restore the backup from/ }));
    const dialog = screen.getByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveTextContent(/locked with a passphrase\. Kindred will set aside what's open now/);
    expect(dialog).not.toHaveTextContent(/safety copy/);
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    // The unlock screen takes over, saying why it asks.
    await waitFor(() => expect(lock.locked).toBe(true));
    expect(lock.backupLocked).toBe(true);
    expect(backend.backups.filter((b) => b.kind === 'set_aside')).toHaveLength(2);
  });

  it('says so when a backup without a passphrase comes back over data that had one', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Noor']);
    Object.assign(backend.lock, { encrypted: true, passphrase: 'lantern by the gate' });
    backend.backups.push({
      name: 'kindred-set-aside-2026-11-24T08-00-00Z.sqlite3',
      kind: 'set_aside',
      takenAt: '2026-11-24T08:00:00Z',
      bytes: 240_000,
      encrypted: false,
    });
    await lock.refresh();
    render(YourData);
    await user.click(await screen.findByRole('button', { name: /^Restore the backup from/ }));
    const dialog = screen.getByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveTextContent(/has no passphrase\. Kindred will set aside what's open now/);
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText(/so neither has Kindred now; you can set one again/)).toBeInTheDocument();
    expect(lock.encrypted).toBe(false);
    expect(lock.locked).toBe(false);
  });

  it('keeps the delete button off until the phrase is typed, then deletes everything', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Sam']);
    render(YourData);
    expect(screen.getByText(/cannot be undone|can't be undone/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete everything…' }));

    const dialog = screen.getByRole('dialog', { name: 'Delete everything?' });
    const phrase = within(dialog).getByLabelText('Type “delete everything” to confirm');
    expect(phrase).toHaveFocus();
    const confirm = within(dialog).getByRole('button', { name: 'Delete everything' });
    expect(confirm).toBeDisabled();
    await user.type(phrase, 'delete every');
    expect(confirm).toBeDisabled();
    await user.type(phrase, 'thing');
    expect(confirm).toBeEnabled();
    await user.clear(phrase);
    expect(confirm).toBeDisabled();
    await user.type(phrase, '  Delete Everything ');
    expect(confirm).toBeEnabled();
    expect(calls(backend, 'data_delete_everything')).toHaveLength(0);

    await user.click(confirm);
    const status = await within(dialog).findByRole('status');
    expect(status).toHaveTextContent('Everything is deleted. Kindred will close now.');
    await waitFor(() => expect(status).toHaveFocus());
    expect(calls(backend, 'data_delete_everything')[0].args).toEqual({ confirmation: '  Delete Everything ' });
    expect(backend.ties).toHaveLength(0);
  });

  it('lets the person step back from deleting without anything happening', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend(['Sam']);
    render(YourData);
    await user.click(screen.getByRole('button', { name: 'Delete everything…' }));
    await user.click(screen.getByRole('button', { name: 'Keep everything' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls(backend, 'data_delete_everything')).toHaveLength(0);
    expect(backend.ties).toHaveLength(1);
  });

  it('marks backups locked with the passphrase', async () => {
    const backend = installFakeBackend();
    backend.backups.push(
      {
        name: 'kindred-daily-a.sqlite3',
        kind: 'daily',
        takenAt: '2026-11-24T08:00:00Z',
        bytes: 240_000,
        encrypted: true,
      },
      {
        name: 'kindred-manual-b.sqlite3',
        kind: 'manual',
        takenAt: '2026-11-20T08:00:00Z',
        bytes: 240_000,
        encrypted: false,
      },
    );
    render(YourData);
    const list = await screen.findByRole('list', { name: 'Backups, newest first' });
    const [locked, open] = within(list).getAllByRole('listitem');
    expect(locked).toHaveTextContent('Locked with your passphrase');
    expect(within(locked).getByText('Daily')).toBeInTheDocument();
    expect(open).not.toHaveTextContent('Locked with your passphrase');
  });

  it('says an export is not covered by the passphrase, only when there is one', async () => {
    const user = userEvent.setup();
    const backend = installFakeBackend();
    await lock.refresh();
    render(YourData);
    await user.click(screen.getByRole('button', { name: 'Export everything' }));
    const saved = await screen.findByText(/^Saved to/);
    expect(saved).not.toHaveTextContent(/passphrase/);

    Object.assign(backend.lock, { encrypted: true, passphrase: 'quiet harbour lights' });
    await lock.refresh();
    await user.click(screen.getByRole('button', { name: 'Reminders for your calendar (.ics)' }));
    await waitFor(() => expect(saved).toHaveTextContent(/kindred-calendar-2026-11-25\.ics/));
    expect(saved).toHaveTextContent("Your passphrase doesn't protect exports, so keep what you saved somewhere safe.");
    expect(saved).toHaveAttribute('role', 'status');
  });
});
