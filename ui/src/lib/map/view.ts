/** The part of the map in view: how far it is zoomed and where its middle
 * is, in map units. Pure, so zooming and panning are tested without a
 * browser. At scale 1 the whole picture is in view; the view never drifts
 * off the picture. */
import type { MapLayout, Point } from './layout';

export interface View {
  scale: number;
  cx: number;
  cy: number;
}

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MIN_SCALE = 1;
/** Enough to read a node at the size of a finger in a wedge of a thousand. */
export const MAX_SCALE = 16;
/** One press of a zoom button or key. */
export const ZOOM_STEP = 1.5;

type Size = Pick<MapLayout, 'width' | 'height'>;

export function fitView(layout: Size): View {
  return { scale: 1, cx: layout.width / 2, cy: layout.height / 2 };
}

export function clampView(layout: Size, view: View): View {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, Number.isFinite(view.scale) ? view.scale : 1));
  const hw = layout.width / (2 * scale);
  const hh = layout.height / (2 * scale);
  const clamp = (v: number, lo: number, hi: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : (lo + hi) / 2);
  return { scale, cx: clamp(view.cx, hw, layout.width - hw), cy: clamp(view.cy, hh, layout.height - hh) };
}

export function viewBox(layout: Size, view: View): ViewBox {
  const v = clampView(layout, view);
  const width = layout.width / v.scale;
  const height = layout.height / v.scale;
  return { x: v.cx - width / 2, y: v.cy - height / 2, width, height };
}

/** Zooms by a factor, keeping the map point `at` (default: the middle of the
 * view) where it is on screen. */
export function zoomAt(layout: Size, view: View, factor: number, at?: Point): View {
  const from = clampView(layout, view);
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, from.scale * factor));
  const p = at ?? { x: from.cx, y: from.cy };
  const k = from.scale / scale;
  return clampView(layout, { scale, cx: p.x + (from.cx - p.x) * k, cy: p.y + (from.cy - p.y) * k });
}

/** Moves the view by a distance in map units. */
export function panBy(layout: Size, view: View, dx: number, dy: number): View {
  const from = clampView(layout, view);
  return clampView(layout, { ...from, cx: from.cx + dx, cy: from.cy + dy });
}

/** Puts a point in the middle of the view, at least at the given scale. */
export function centreOn(layout: Size, view: View, p: Point, scale = view.scale): View {
  return clampView(layout, { scale: Math.max(view.scale, scale), cx: p.x, cy: p.y });
}

/** Frames a box (a gathering opened, say), as close as it fits. */
export function frame(layout: Size, box: ViewBox, margin = 0.1): View {
  const w = Math.max(box.width, 1) * (1 + 2 * margin);
  const h = Math.max(box.height, 1) * (1 + 2 * margin);
  const scale = Math.min(layout.width / w, layout.height / h);
  return clampView(layout, { scale, cx: box.x + box.width / 2, cy: box.y + box.height / 2 });
}

/** Whether a point is in view, at least `margin` map units inside its edge. */
export function inView(layout: Size, view: View, p: Point, margin = 0): boolean {
  const b = viewBox(layout, view);
  return p.x >= b.x + margin && p.x <= b.x + b.width - margin && p.y >= b.y + margin && p.y <= b.y + b.height - margin;
}
