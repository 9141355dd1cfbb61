// An in-memory stand-in for Kindred's Rust commands, injected into the page
// before the UI loads (Playwright addInitScript). It answers in the same
// shapes as the real commands, for the UI flows tested in a browser; the
// real rules are tested in Rust and end to end on the real app.
(() => {
  const seed = window.__KINDRED_SEED__ ?? [];
  const now = '2026-11-25T10:00:00.000Z';
  let nextId = 1;
  const ties = seed.map((t) => ({
    id: nextId++,
    kind: 'person',
    groupKind: null,
    name: 'Someone',
    circle: null,
    sector: null,
    supportTypes: [],
    cadence: { mode: 'circle' },
    birthday: null,
    notes: '',
    nextTimeNote: '',
    feel: null,
    lastContactOn: null,
    createdAt: now,
    updatedAt: now,
    archivedAt: null,
    ...t,
  }));
  const calls = [];
  // Light, dark or following the computer ('system' until chosen). A spec can
  // set `saveError` on window.__KINDRED_FAKE__.look so the next save fails with it.
  const look = { appearance: 'system', saveError: null };
  const reminderSettings = {
    desktop: true,
    preferredTime: '09:00:00',
    quietHours: { start: '22:00:00', end: '08:00:00' },
    reachOuts: true,
    birthdays: true,
    birthdayDaysBefore: 1,
    intentions: true,
    reflection: null,
    pausedUntil: null,
    startAtLogin: false,
    keepInTray: true,
  };
  const notFound = () => {
    throw { code: 'not_found', message: 'That person or group could not be found. It may have been deleted.' };
  };
  const find = (id) => ties.find((t) => t.id === id) ?? notFound();
  // Notices, in the real shape (actedAt, tieIds included). Empty to start;
  // a spec can push some into window.__KINDRED_FAKE__.notices from an init
  // script added after this one.
  const notices = [];
  const actOnNotice = ({ id }) => {
    const notice =
      notices.find((n) => n.id === id) ??
      (() => {
        throw { code: 'not_found', message: 'That notification could not be found. It may have been deleted.' };
      })();
    notice.actedAt ??= now;
    notice.readAt ??= now;
    return { ...notice };
  };

  // The passphrase: none to start. A spec can start locked by setting
  // window.__KINDRED_LOCK__ = { passphrase } in an init script added first.
  const startLocked = window.__KINDRED_LOCK__;
  const lock = startLocked
    ? { encrypted: true, locked: true, passphrase: String(startLocked.passphrase ?? ''), remembered: false }
    : { encrypted: false, locked: false, passphrase: '', remembered: false };
  // Data that won't open: none to start. A spec can set window.__KINDRED_PROBLEM__ = { kind, folder,
  // details } in an init script added first; `opensOnRetry` (on window.__KINDRED_FAKE__.recovery) makes
  // "Try again" work, a backup named in `refused` is refused as not a Kindred backup. What a way back sets
  // aside joins the backups (kind 'set_aside'); one set aside while damaged is refused if brought back.
  const recovery = {
    problem: window.__KINDRED_PROBLEM__ ?? null,
    opensOnRetry: false,
    refused: [],
  };
  const lockStatus = () => ({
    encrypted: lock.encrypted,
    locked: lock.locked,
    remembered: lock.remembered,
    problem: recovery.problem,
  });
  const lockedError = { code: 'locked', message: 'Kindred is locked. Type your passphrase to open it.' };
  const refusedError = {
    code: 'validation',
    field: 'name',
    message: "That file isn't a Kindred backup, or it is damaged. Nothing was changed.",
  };
  const notOpenError = { code: 'conflict', message: "Kindred's data isn't open, so that can't be done just now." };
  const notOpen = () => {
    if (!lock.locked && !recovery.problem)
      throw { code: 'conflict', message: "Kindred's data is open, so there's nothing to bring back." };
  };
  // Moves the data here now in among the backups, named for when, as the backend does.
  const setAside = () => {
    const stamp = `${now.slice(0, 19).replace(/:/g, '-')}Z`;
    let name = `kindred-set-aside-${stamp}.sqlite3`;
    for (let n = 2; backups.some((b) => b.name === name); n++) name = `kindred-set-aside-${stamp}-${n}.sqlite3`;
    backups.unshift({ name, kind: 'set_aside', takenAt: now, bytes: 233472, encrypted: lock.encrypted });
    if (recovery.problem?.kind === 'damaged') recovery.refused.push(name);
  };
  // The commands that answer while the data is locked, or won't open.
  const worksWhileLocked = new Set([
    'recovery_backups',
    'recovery_restore',
    'recovery_start_fresh',
    'recovery_retry',
    'app_ready',
    'lock_status',
    'lock_unlock',
    'lock_set_passphrase',
    'lock_remove_passphrase',
    'lock_now',
    'lock_forget',
    'data_delete_everything',
  ]);
  const checkCurrent = (current) => {
    if (current !== lock.passphrase)
      throw {
        code: 'validation',
        field: 'current',
        message: "That isn't the passphrase Kindred has now. Nothing has changed; try again.",
      };
  };
  // The backend's rules for a new passphrase.
  const checkNew = (raw) => {
    const passphrase = String(raw ?? '');
    const length = Array.from(passphrase).length;
    const fail = (message) => {
      throw { code: 'validation', field: 'passphrase', message };
    };
    if (length < 8) fail('Please use at least 8 characters. A few words you will remember work well.');
    if (length > 1024) fail('Please keep the passphrase to 1,024 characters or fewer.');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(passphrase))
      fail('The passphrase has a character that can’t be typed back reliably. Please use letters, numbers, spaces or punctuation.');
    return passphrase;
  };

  // Backups, newest first: none to start, or window.__KINDRED_BACKUPS__ from an init script added first.
  const backups = (window.__KINDRED_BACKUPS__ ?? []).map((b) => ({ ...b }));
  const backUp = (kind) => {
    const backup = {
      name: `kindred-${kind}-${backups.length + 1}.sqlite3`,
      kind,
      takenAt: now,
      bytes: 245760,
      encrypted: lock.encrypted,
    };
    backups.unshift(backup);
    return { ...backup };
  };
  const countsOf = (file = {}) => {
    const n = (key) => (Array.isArray(file[key]) ? file[key].length : 0);
    return {
      ties: n('ties'),
      contacts: n('contacts'),
      qualityRatings: n('qualityRatings'),
      sessions: n('reflectionSessions'),
      journalEntries: n('journalEntries'),
      intentions: n('intentions'),
      reminders: n('reminders'),
      checkIns: n('checkIns'),
    };
  };
  // Counts what the file holds; writes nothing (a browser flow needs no more).
  const importPreview = ({ contents, mode }) => {
    let file;
    try {
      file = JSON.parse(contents);
    } catch {
      throw {
        code: 'validation',
        message: "This isn't a Kindred export: it isn't complete, readable JSON.",
        field: 'file',
      };
    }
    if (file?.format !== 'kindred-export')
      throw {
        code: 'validation',
        message: 'This JSON file isn\'t a Kindred export (it has no "format": "kindred-export").',
        field: 'file',
      };
    const none = countsOf();
    return {
      mode,
      removed: mode === 'replace' ? { ...none, ties: ties.length } : none,
      added: countsOf(file),
      alreadyHere: none,
      matchedNames: [],
    };
  };

  const handlers = {
    app_ready: () => null,

    // The passphrase (SQLCipher on the real side): the same rules, in memory.
    lock_status: lockStatus,
    lock_unlock: ({ passphrase }) => {
      if (lock.locked && passphrase !== lock.passphrase)
        throw {
          code: 'validation',
          field: 'passphrase',
          message: "That passphrase doesn't open your data. Nothing has changed; try again.",
        };
      lock.locked = false;
      return lockStatus();
    },
    lock_set_passphrase: ({ current, passphrase }) => {
      if (lock.locked) throw lockedError;
      if (lock.encrypted) checkCurrent(current);
      lock.passphrase = checkNew(passphrase);
      lock.encrypted = true;
      backups.forEach((b) => (b.encrypted = true));
      return lockStatus();
    },
    lock_remove_passphrase: ({ current }) => {
      if (lock.locked) throw lockedError;
      if (lock.encrypted) checkCurrent(current);
      Object.assign(lock, { encrypted: false, passphrase: '', remembered: false });
      backups.forEach((b) => (b.encrypted = false));
      return lockStatus();
    },
    lock_now: () => {
      if (lock.encrypted) lock.locked = true;
      return lockStatus();
    },
    // The system keychain, which always answers here.
    lock_remember: ({ passphrase }) => {
      if (lock.locked) throw lockedError;
      if (!lock.encrypted) throw { code: 'conflict', message: "There's no passphrase to remember yet. Set one first." };
      if (passphrase !== lock.passphrase)
        throw { code: 'validation', field: 'current', message: "That isn't your passphrase. Nothing has changed." };
      lock.remembered = true;
      return lockStatus();
    },
    lock_forget: () => {
      lock.remembered = false;
      return lockStatus();
    },

    // Ways back when the data won't open: the backup's people are the seed; an encrypted backup waits
    // for its passphrase (the one the spec locked with).
    recovery_backups: () => backups.map((b) => ({ ...b })),
    recovery_restore: ({ name }) => {
      notOpen();
      const backup = backups.find((b) => b.name === name);
      if (!backup) throw { code: 'not_found', message: 'That backup could not be found. It may have been deleted.' };
      if (recovery.refused.includes(name)) throw refusedError;
      setAside();
      recovery.problem = null;
      Object.assign(lock, { encrypted: backup.encrypted, locked: backup.encrypted, remembered: false });
      return lockStatus();
    },
    recovery_start_fresh: () => {
      notOpen();
      setAside();
      ties.length = 0;
      recovery.problem = null;
      Object.assign(lock, { encrypted: false, locked: false, passphrase: '', remembered: false });
      return lockStatus();
    },
    recovery_retry: () => {
      if (recovery.opensOnRetry) recovery.problem = null;
      return lockStatus();
    },

    app_info: () => ({ version: '0.1.0', dataDir: '/tmp/kindred-browser', schemaVersion: 1 }),
    ties_list: ({ scope = 'active' }) =>
      ties.filter((t) => (scope === 'all' ? true : scope === 'archived' ? t.archivedAt : !t.archivedAt)),
    ties_get: ({ id }) => ({ ...find(id) }),
    ties_move: ({ id, circle }) => {
      const tie = find(id);
      tie.circle = circle ?? null;
      return { ...tie };
    },
    insights_list: () => [],
    insights_reach_out: () => [],
    insights_birthdays: () => [],
    contacts_list: () => [],
    quality_history: () => [],
    settings_cadence_defaults: () => ({ inner: 7, middle: 21, outer: 60 }),
    settings_reminders: () => structuredClone(reminderSettings),
    settings_set_reminders: ({ value }) => {
      Object.assign(reminderSettings, structuredClone(value), { pausedUntil: reminderSettings.pausedUntil });
      return structuredClone(reminderSettings);
    },
    settings_pause_reminders: ({ pause }) => {
      const hours = { hour: 1, tomorrow: 24, week: 24 * 7 }[pause];
      reminderSettings.pausedUntil = hours ? new Date(Date.now() + hours * 3_600_000).toISOString() : null;
      return structuredClone(reminderSettings);
    },
    settings_appearance: () => look.appearance,
    settings_set_appearance: ({ appearance }) => {
      if (look.saveError) {
        const error = look.saveError;
        look.saveError = null;
        throw error;
      }
      if (!['system', 'light', 'dark'].includes(appearance))
        throw 'invalid args `appearance` for command `settings_set_appearance`';
      look.appearance = appearance;
      return look.appearance;
    },
    notices_list: () => notices.map((n) => ({ ...n })),
    reminders_list: () => [],
    notices_mark_read: () => {
      const unread = notices.filter((n) => n.readAt === null);
      unread.forEach((n) => (n.readAt = now));
      return unread.length;
    },
    notices_snooze: actOnNotice,
    notices_done: actOnNotice,

    // Reflection: enough for the Today and Reflect screens to render.
    reflect_library: () => ({
      guides: [
        {
          id: 'weekly-check-in',
          title: 'Weekly check-in',
          intro: 'A gentle look back at the week, and at who was around you.',
          theme: null,
          promptIds: ['emotional-01', 'body-05', 'quality-01', 'practical-10'],
        },
        {
          id: 'emotional',
          title: 'Lighten the load',
          intro: 'A few quiet questions about what you carry, and who could help you hold it.',
          theme: 'emotional',
          promptIds: ['emotional-01', 'emotional-04', 'emotional-03'],
        },
      ],
      feelingWords: ['calm', 'content', 'hopeful', 'tired', 'lonely', 'worried'],
    }),
    reflect_today: () => ({
      prompt: {
        promptId: 'emotional-01',
        theme: 'emotional',
        text: 'Who would you call if you had news to share this week?',
        lowEnergy: 'One name that comes to mind?',
        tieId: null,
        tieName: null,
      },
      suggestion: {
        guideId: 'emotional',
        title: 'Lighten the load',
        intro: 'A few quiet questions about what you carry, and who could help you hold it.',
        reason: 'theme_of_the_day',
        because: 'Today the questions are about having someone to talk to.',
      },
    }),
    reflect_prompts: () => [],
    reflect_current: () => null,
    intentions_list: () => [],
    checkins_status: () => ({ due: true, latest: null, showSupport: false }),
    checkins_scale: () => ({
      items: [
        'How often do you feel that you lack companionship?',
        'How often do you feel left out?',
        'How often do you feel isolated from others?',
      ],
      answers: ['Hardly ever', 'Some of the time', 'Often'],
      source: 'Three-item loneliness scale: Hughes, Waite, Hawkley & Cacioppo (2004), Research on Aging 26(6).',
    }),
    journal_list: () => ({ entries: [], more: false }),
    reflect_charts: () => ({ moods: [], checkIns: [], contactsPerWeek: [] }),

    // Your data: export, import, backups and deleting everything.
    data_export: () => '/home/you/Downloads/kindred-export-2026-11-25.json',
    data_export_calendar: () => '/home/you/Downloads/kindred-calendar-2026-11-25.ics',
    data_export_research: () => ['/home/you/Downloads/kindred-network-2026-11-25.graphml'],
    data_import_preview: importPreview,
    data_import: importPreview,
    data_backups: () => backups.map((b) => ({ ...b })),
    data_back_up_now: () => backUp('manual'),
    data_restore: ({ name }) => {
      if (!backups.some((b) => b.name === name))
        throw { code: 'not_found', message: 'That backup could not be found. It may have been deleted.' };
      if (recovery.refused.includes(name)) throw refusedError;
      const backup = backups.find((b) => b.name === name);
      // Locked with a passphrase the data doesn't have, or plain while it has one: put in place as a
      // file, with what was open set aside, and opened as at start.
      if (backup.encrypted !== lock.encrypted) {
        setAside();
        Object.assign(lock, { encrypted: backup.encrypted, locked: backup.encrypted, remembered: false });
        return { safety: null, status: lockStatus() };
      }
      return { safety: backUp('before_restore'), status: lockStatus() };
    },
    data_delete_everything: ({ confirmation }) => {
      if (String(confirmation ?? '').trim().toLowerCase() !== 'delete everything')
        throw {
          code: 'validation',
          message: 'To delete everything, type “delete everything” exactly.',
          field: 'confirmation',
        };
      ties.length = 0;
      backups.length = 0;
      recovery.problem = null;
      recovery.refused.length = 0;
      Object.assign(lock, { encrypted: false, locked: false, passphrase: '', remembered: false });
      return null;
    },
  };

  window.__KINDRED_FAKE__ = { ties, calls, notices, backups, lock, look, recovery };
  window.__TAURI_INTERNALS__ = {
    invoke: async (cmd, args = {}) => {
      calls.push({ cmd, args });
      const handler = handlers[cmd];
      if (!handler) throw `fake backend: no command ${cmd}`;
      if (!worksWhileLocked.has(cmd)) {
        if (recovery.problem) throw notOpenError;
        if (lock.locked) throw lockedError;
      }
      return handler(args);
    },
    transformCallback: () => 0,
    metadata: { currentWindow: { label: 'main' }, currentWebview: { windowLabel: 'main', label: 'main' } },
  };
})();
