/** The two elements index.html gives the page for light and dark, as it gives them: for the tests of the
 * appearance switch, which reads and changes them. */
export function addPageHead() {
  document.head.innerHTML =
    '<meta name="color-scheme" content="light dark">' +
    '<link rel="stylesheet" id="dark-palette" href="./dark.css" media="(prefers-color-scheme: dark)">';
}

export function clearPageHead() {
  document.head.innerHTML = '';
}

/** The dark palette link's media: when it applies. */
export const darkMedia = () => document.getElementById('dark-palette')?.getAttribute('media');

/** What the page tells the browser it can draw in. */
export const colorScheme = () => document.querySelector('meta[name="color-scheme"]')?.getAttribute('content');
