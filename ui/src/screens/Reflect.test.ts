import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { installFakeBackend } from '../test/fakeBackend';
import { resetReflectFake } from '../test/fakeReflect';
import { people } from '../lib/people.svelte';
import { router } from '../lib/router.svelte';
import Reflect from './Reflect.svelte';

describe('Reflect screen', () => {
  beforeEach(async () => {
    resetReflectFake();
    installFakeBackend(['Sam']);
    people.reset();
    await people.load();
    router.current = 'reflect';
    router.reflectView = 'sessions';
    router.guideId = null;
  });

  it('has three tabs that arrow keys move between', async () => {
    const user = userEvent.setup();
    render(Reflect);
    expect(screen.getByRole('heading', { level: 1, name: 'Reflect' })).toBeInTheDocument();
    const tablist = screen.getByRole('tablist', { name: 'Ways to reflect' });
    expect(tablist).toBeInTheDocument();
    const [sessions, journal, progress] = screen.getAllByRole('tab');
    expect(sessions).toHaveAccessibleName('Reflect');
    expect(sessions).toHaveAttribute('aria-selected', 'true');
    expect(sessions).toHaveAttribute('tabindex', '0');
    expect(journal).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('tabpanel', { name: 'Reflect' })).toBeVisible();
    expect(await screen.findByRole('region', { name: 'Suggested for you' })).toBeInTheDocument();

    sessions.focus();
    await user.keyboard('{ArrowRight}');
    expect(journal).toHaveFocus();
    expect(journal).toHaveAttribute('aria-selected', 'true');
    expect(router.reflectView).toBe('journal');
    expect(screen.getByRole('tabpanel', { name: 'Journal' })).toBeVisible();

    await user.keyboard('{End}');
    expect(progress).toHaveFocus();
    expect(router.reflectView).toBe('progress');
    await user.keyboard('{ArrowRight}');
    expect(sessions).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(progress).toHaveFocus();
    await user.keyboard('{Home}');
    expect(sessions).toHaveFocus();
    expect(router.reflectView).toBe('sessions');
  });

  it('opens on the view the router asks for', async () => {
    router.openReflect('journal');
    render(Reflect);
    expect(screen.getByRole('tab', { name: 'Journal' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Journal' })).toBeVisible();
  });

  it('keeps a session under way while the journal is looked at', async () => {
    const user = userEvent.setup();
    router.startGuide('emotional');
    render(Reflect);
    expect(await screen.findByRole('heading', { name: 'How are you arriving?' })).toHaveFocus();
    await user.click(screen.getByRole('radio', { name: 'Good' }));
    await user.click(screen.getByRole('tab', { name: 'Journal' }));
    await user.click(screen.getByRole('tab', { name: 'Reflect' }));
    expect(screen.getByRole('radio', { name: 'Good' })).toBeChecked();
  });

  it('lands the keyboard on the journal tab after "Open your journal"', async () => {
    const user = userEvent.setup();
    render(Reflect);
    const one = await screen.findByRole('region', { name: 'Just one question' });
    await user.click(within(one).getByRole('radio', { name: 'Getting through' }));
    await user.click(await within(one).findByRole('button', { name: /Answer this: First resilience/ }));
    await user.keyboard('Still here');
    await user.click(within(one).getByRole('button', { name: 'Save' }));
    await user.click(await within(one).findByRole('button', { name: 'Open your journal' }));
    expect(router.reflectView).toBe('journal');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Journal' })).toHaveFocus());
  });
});

