// Runs before the first paint. When Kindred handed the page the person's
// light or dark choice (src-tauri/src/window.rs), show it at once; else the
// window follows the computer until the app has read the choice
// (src/lib/appearance.svelte.ts switches the same link and meta after that).
(function () {
  var choice = window.__KINDRED_APPEARANCE__;
  var media = { dark: 'all', light: 'not all' }[choice];
  if (!media) return;
  document.getElementById('dark-palette').setAttribute('media', media);
  document.querySelector('meta[name="color-scheme"]').setAttribute('content', choice);
  // Says it ran (the end-to-end test looks for this).
  document.documentElement.dataset.appearanceAtStart = choice;
})();
