// Drives the real Kindred binary in a real WebKit webview: one tauri-driver
// per spec file, with its own temporary data folder (KINDRED_DATA_DIR reaches
// the app through tauri-driver and WebKitWebDriver, which inherit it).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';

const here = new URL('.', import.meta.url).pathname;
export const artifacts = resolve(here, '../artifacts');

function appBinary() {
  const bin = process.env.KINDRED_BIN;
  if (!bin) throw new Error('Set KINDRED_BIN to the built Kindred binary (scripts/e2e.sh does this).');
  return bin;
}

/** Whether a Kindred process from this binary is still running. */
function appRunning() {
  try {
    execFileSync('pgrep', ['-f', appBinary()], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether the session bus still has an owner for Kindred's single-instance name. */
function singleInstanceHeld() {
  try {
    const reply = execFileSync(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:app.kindred.desktop.SingleInstance',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return /boolean true/.test(reply);
  } catch (error) {
    // Without dbus-send the wait would silently do nothing.
    if (error.code === 'ENOENT') throw new Error('dbus-send is missing: run scripts/setup.sh test');
    return false;
  }
}

let nextPort = 4444 + (process.pid % 200) * 2;

export class Harness {
  /** `env`: extra environment for the app (for example GTK_THEME). */
  constructor({ env = {} } = {}) {
    this.env = env;
    this.dataDir = mkdtempSync(join(tmpdir(), 'kindred-e2e-'));
    this.port = nextPort;
    nextPort += 2;
    this.driver = null;
    this.browser = null;
  }

  async startDriver() {
    const driverBin = process.env.TAURI_DRIVER ?? 'tauri-driver';
    this.driver = spawn(driverBin, ['--port', String(this.port), '--native-port', String(this.port + 1)], {
      env: { ...process.env, ...this.env, KINDRED_DATA_DIR: this.dataDir },
      stdio: ['ignore', 'inherit', 'inherit'],
      // Its own process group, so stop() can end the driver, WebKitWebDriver
      // and any app they started in one go: a stray app would hold the test
      // runner's output pipe open and the run would never finish.
      detached: true,
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`http://127.0.0.1:${this.port}/status`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`tauri-driver did not answer on port ${this.port} within 30 s`);
  }

  /** Starts the app (a new WebDriver session) and waits for its first
   * screen: the main navigation, or `waitFor` (the unlock screen's form). */
  async launch({ waitFor = 'nav[aria-label="Main"]' } = {}) {
    this.browser = await remote({
      hostname: '127.0.0.1',
      port: this.port,
      logLevel: 'warn',
      connectionRetryCount: 0,
      capabilities: {
        'wdio:enforceWebDriverClassic': true,
        'tauri:options': { application: appBinary() },
      },
    });
    await this.browser.$(waitFor).waitForDisplayed({ timeout: 30_000 });
    return this.browser;
  }

  /** Clicks a screen in the main navigation and waits for its heading. */
  async goTo(label) {
    await this.browser.$('nav').$(`button=${label}`).click();
    await this.browser.$('main h1').waitForDisplayed({ timeout: 10_000 });
  }

  /** Closes the app window and ends the process, like quitting, then waits
   * until the process is gone: one still shutting down would answer the
   * next launch's single-instance call, and that launch would end. */
  async quit() {
    if (this.browser) {
      await this.browser.deleteSession().catch(() => {});
      this.browser = null;
    }
    const deadline = Date.now() + 15_000;
    while (appRunning() && Date.now() < deadline) await sleep(100);
    // The session bus lets go of the app's single-instance name a moment
    // after the process ends; a launch in that moment would hand over to
    // a name with nobody behind it, and end.
    while (singleInstanceHeld() && Date.now() < deadline) await sleep(100);
    if (appRunning() || singleInstanceHeld()) throw new Error('Kindred was still running 15 s after it was closed');
  }

  async screenshot(name) {
    mkdirSync(artifacts, { recursive: true });
    await this.browser.saveScreenshot(join(artifacts, `${name}.png`));
  }

  /** Calls a command as the UI does, to seed or inspect state. */
  async invoke(cmd, args = {}) {
    return this.browser.executeAsync(
      (cmd, args, done) => {
        window.__TAURI_INTERNALS__.invoke(cmd, args).then(
          (value) => done({ ok: value }),
          (error) => done({ err: error }),
        );
      },
      cmd,
      args,
    );
  }

  async stop() {
    await this.quit();
    if (this.driver) {
      const exited = new Promise((r) => this.driver.once('exit', r));
      try {
        process.kill(-this.driver.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
      this.driver = null;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The element whose text is exactly `text`, inside `scope` (CSS). */
export function byText(browser, scope, text) {
  return browser.$(scope).$(`.//*[normalize-space(text())=${xpathLiteral(text)}]`);
}

function xpathLiteral(s) {
  if (!s.includes("'")) return `'${s}'`;
  if (!s.includes('"')) return `"${s}"`;
  return `concat('${s.replaceAll("'", `',"'",'`)}')`;
}
