/** Saving the map as a picture, entirely on this computer: the live SVG is
 * copied with its computed colours written in (CSS variables and the
 * component's styles do not travel with the file), then handed to the
 * browser as a download from a Blob URL. PNG goes through a canvas. */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Styles that decide how the picture looks. Inherited ones are written only
 * where they change from the parent; the others only when not the default. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'visibility',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
] as const;
/** Not inherited everywhere: written only when not the default. */
const OWN: Record<string, string> = { opacity: '1', 'dominant-baseline': 'auto' };

/** Attributes that only matter on screen (focus, roles, names, handlers). */
const SCREEN_ONLY = /^(tabindex|role|aria-.*|data-.*|class|style|id)$/;

function inlinePaint(live: Element, copy: Element, parent: CSSStyleDeclaration | null) {
  const computed = getComputedStyle(live);
  for (const property of INHERITED) {
    const value = computed.getPropertyValue(property).trim();
    if (value && (!parent || parent.getPropertyValue(property).trim() !== value)) copy.setAttribute(property, value);
  }
  for (const [property, initial] of Object.entries(OWN)) {
    const value = computed.getPropertyValue(property).trim();
    if (value && value !== initial) copy.setAttribute(property, value);
  }
  if (computed.getPropertyValue('display').trim() === 'none') copy.setAttribute('display', 'none');
  for (const name of copy.getAttributeNames()) if (SCREEN_ONLY.test(name)) copy.removeAttribute(name);
  const liveChildren = live.children;
  const copyChildren = copy.children;
  for (let i = 0; i < liveChildren.length && i < copyChildren.length; i++)
    inlinePaint(liveChildren[i], copyChildren[i], computed);
}

/** A standalone SVG document of the map as it looks right now; with
 * `whole`, the whole picture rather than the part zoomed into. */
export function serialiseSvg(
  svg: SVGSVGElement,
  title = 'My Kindred map',
  whole?: { width: number; height: number },
): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  if (whole) copy.setAttribute('viewBox', `0 0 ${whole.width} ${whole.height}`);
  inlinePaint(svg, copy, null);
  for (const hidden of Array.from(copy.querySelectorAll('[display="none"], [visibility="hidden"], title')))
    hidden.remove();
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  copy.setAttribute('xmlns', SVG_NS);
  const [, , width, height] = (copy.getAttribute('viewBox') ?? '0 0 1000 1000').split(/\s+/);
  copy.setAttribute('width', width);
  copy.setAttribute('height', height);
  const titleElement = document.createElementNS(SVG_NS, 'title');
  titleElement.textContent = title;
  copy.insertBefore(titleElement, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** Offers a file to save, without any network. */
export function svgBlob(svgText: string): Blob {
  return new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' });
}

/** Draws the SVG onto a canvas at `scale` and returns a PNG. */
export async function pngBlob(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(svgBlob(svgText));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The map could not be drawn as a picture.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This system could not draw the picture.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be made.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function exportName(extension: 'svg' | 'png', today: string): string {
  return `kindred-map-${today}.${extension}`;
}
