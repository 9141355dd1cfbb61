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

describe('Notifications with a notification daemon', () => {
  const h = new Harness();

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
