// Benchmark baseline only (src-tauri/examples/bare_window.rs): report the
// first paint the same way Kindred does.
requestAnimationFrame(() =>
  requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke('app_ready')),
);
