// Desktop notifications on the real app: with a notification daemon on the
// session bus (dunst, started by D-Bus on demand) the test notification is
// really shown; without a bus the app explains and keeps it in the window.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Harness } from '../lib/harness.mjs';

async function sendTest(h) {
  await h.goTo('Settings');
  await h.browser.$('button=Send a test notification').click();
  const result = await h.browser.$('.notify-result');
  await result.waitUntil(async () => (await result.getText()).length > 0, { timeout: 15_000 });
  return result.getText();
}

// Reminders wait out quiet hours (22:00–08:00) by design. So that this test
// means the same at any hour, the app runs in a fixed-offset zone where it is
// early afternoon right now (Etc/GMT-N is N hours *ahead* of UTC).
const offsetHours = (((14 - new Date().getUTCHours()) % 24) + 24) % 24 > 14
  ? (((14 - new Date().getUTCHours()) % 24) + 24) % 24 - 24
  : (((14 - new Date().getUTCHours()) % 24) + 24) % 24;
const zone = offsetHours === 0 ? 'Etc/UTC' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`;

/** "HH:MM" and "YYYY-MM-DD" for a moment, in that zone. */
function local(at) {
  const shifted = new Date(at.getTime() + offsetHours * 3_600_000);
  const pad = (n) => String(n).padStart(2, '0');
  return {
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
  };
}

const closeWindowScript = new URL('../lib/close-window.py', import.meta.url).pathname;

async function waitFor(check, timeout, message) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  throw new Error(message);
}

function dunstSummaries() {
  execFileSync('dunstctl', ['close-all']);
  const history = JSON.parse(execFileSync('dunstctl', ['history'], { encoding: 'utf8' }));
  return history.data.flat().map((n) => n.summary?.data);
}

describe('Notifications with a notification daemon', () => {
  // A one-second tick, in the afternoon zone above.
  const h = new Harness({ env: { KINDRED_TICK_SECONDS: '1', KINDRED_TZ: zone } });

  before(async () => {
    await h.startDriver();
    await h.launch();
  });

  after(async () => {
    await h.stop();
  });

  it('shows a real desktop notification, captured by the daemon', async () => {
    const said = await sendTest(h);
    assert.match(said, /Sent\./);
    // dunst lists a notification in its history once it has been closed.
    assert.ok(Number(execFileSync('dunstctl', ['count', 'displayed'], { encoding: 'utf8' })) >= 1, 'on screen');
    execFileSync('dunstctl', ['close-all']);
    const history = JSON.parse(execFileSync('dunstctl', ['history'], { encoding: 'utf8' }));
    const summaries = history.data.flat().map((n) => n.summary?.data);
    assert.ok(summaries.includes('Kindred can reach you'), JSON.stringify(summaries));
    const stored = await h.invoke('notices_list', {});
    assert.equal(stored.ok[0].deliveredDesktop, true);
  });

  it('delivers a reminder set in Settings when its time comes, once', async () => {
    const when = local(new Date(Date.now() + 60_000));
    await h.browser.$('#reminder-title').setValue('Send Gran a photo');
    await h.browser.$('label*=Once').click();
    await h.browser.execute(
      (date, time) => {
        const set = (id, value) => {
          const input = document.getElementById(id);
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        };
        set('reminder-on', date);
        set('reminder-at', time);
      },
      when.date,
      when.time,
    );
    await h.browser.$('button=Add reminder').click();
    await h.browser.$('span=Send Gran a photo').waitForDisplayed({ timeout: 10_000 });
    await h.browser.waitUntil(async () => dunstSummaries().includes('Send Gran a photo'), {
      timeout: 100_000,
      interval: 2_000,
      timeoutMsg: 'the reminder did not reach the desktop',
    });
    await new Promise((r) => setTimeout(r, 3_000));
    const stored = (await h.invoke('notices_list', {})).ok.filter((n) => n.title === 'Send Gran a photo');
    assert.equal(stored.length, 1, 'delivered once');
  });

  it('opens the fitting screen when a reminder notification is clicked', async () => {
    execFileSync('dunstctl', ['close-all']);
    const when = local(new Date(Date.now() + 60_000));
    const made = await h.invoke('reminders_create', {
      draft: { title: 'Stretch your legs', note: '', rule: { kind: 'once', on: when.date, at: `${when.time}:00` } },
    });
    assert.ok(made.ok, JSON.stringify(made.err));
    await h.goTo('Settings');
    const unread = async () => {
      const label = await h.browser.$('button[aria-label^="Notifications"]').getAttribute('aria-label');
      return Number(label.match(/(\d+) unread/)?.[1] ?? 0);
    };
    const before = await unread();
    await waitFor(
      () => Number(execFileSync('dunstctl', ['count', 'displayed'], { encoding: 'utf8' })) >= 1,
      100_000,
      'the reminder was not shown',
    );
    // The bell heard about it at once, without a reload.
    await h.browser.waitUntil(async () => (await unread()) === before + 1, {
      timeout: 10_000,
      timeoutMsg: 'the bell did not count the new notice',
    });
    execFileSync('dunstctl', ['action', '0']);
    await h.browser.waitUntil(
      async () => (await h.browser.$('nav button[aria-current="page"]').getText()).includes('Today'),
      { timeout: 10_000, timeoutMsg: 'clicking the notification did not open Today' },
    );
  });

  it('keeps running in the tray when the window is closed, and reminders still arrive', async () => {
    const when = local(new Date(Date.now() + 60_000));
    const made = await h.invoke('reminders_create', {
      draft: { title: 'Water the tomatoes', note: '', rule: { kind: 'once', on: when.date, at: `${when.time}:00` } },
    });
    assert.ok(made.ok, JSON.stringify(made.err));
    // Close the window as a window manager's close button would.
    const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Kindred$'], { encoding: 'utf8' })
      .trim()
      .split('\n');
    execFileSync('python3', [closeWindowScript, ...ids]);
    const running = () => {
      try {
        return execFileSync('pgrep', ['-f', process.env.KINDRED_BIN ?? 'target/debug/kindred'], { encoding: 'utf8' }).trim() !== '';
      } catch {
        return false;
      }
    };
    await new Promise((r) => setTimeout(r, 2_000));
    assert.ok(running(), 'Kindred is still running after its window closed');
    const visible = () => {
      try {
        return execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Kindred$'], { encoding: 'utf8' }).trim();
      } catch {
        return '';
      }
    };
    assert.equal(visible(), '', 'the window is hidden, not shown');
    await waitFor(() => dunstSummaries().includes('Water the tomatoes'), 100_000, 'the reminder did not arrive after closing');
    assert.ok(running(), 'and it is still there');
  });
});

/** A private session bus that offers no notification service, as on a
 * desktop with none installed: notify-rust then gets ServiceUnknown. */
function busWithoutNotifications() {
  const dir = mkdtempSync(join(tmpdir(), 'kindred-bus-'));
  const config = join(dir, 'session.conf');
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${dir}</listen>
  <auth>EXTERNAL</auth>
  <servicedir>${dir}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  const out = execFileSync('dbus-daemon', [`--config-file=${config}`, '--fork', '--print-address=1', '--print-pid=1'], {
    encoding: 'utf8',
  });
  const [address, pid] = out.trim().split('\n');
  return {
    address,
    stop() {
      try {
        process.kill(Number(pid));
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('Notifications without a notification service', () => {
  const bus = busWithoutNotifications();
  const h = new Harness({ env: { DBUS_SESSION_BUS_ADDRESS: bus.address } });

  before(async () => {
    await h.startDriver();
    await h.launch();
  });

  after(async () => {
    await h.stop();
    bus.stop();
  });

  it('explains what is missing and keeps the notice in the window', async () => {
    const said = await sendTest(h);
    await h.screenshot('notifications-fallback');
    assert.match(said, /show reminders here in its window instead/);
    assert.match(said, /ServiceUnknown|not provided/);
    const stored = await h.invoke('notices_list', {});
    assert.equal(stored.ok[0].deliveredDesktop, false);
    assert.ok(stored.ok[0].deliveryError, 'the reason is kept');
  });
});
