import { describe, expect, it } from 'vitest';
import { centreOn, clampView, fitView, frame, inView, MAX_SCALE, panBy, viewBox, zoomAt } from './view';

const layout = { width: 1000, height: 800 };

describe('the map view', () => {
  it('shows the whole picture at first, and never drifts off it', () => {
    expect(viewBox(layout, fitView(layout))).toEqual({ x: 0, y: 0, width: 1000, height: 800 });
    expect(viewBox(layout, panBy(layout, fitView(layout), 300, 300))).toEqual({ x: 0, y: 0, width: 1000, height: 800 });
    const zoomed = zoomAt(layout, fitView(layout), 2);
    const far = viewBox(layout, panBy(layout, zoomed, 5000, -5000));
    expect(far).toEqual({ x: 500, y: 0, width: 500, height: 400 });
    expect(clampView(layout, { scale: Number.NaN, cx: Number.NaN, cy: 3 })).toEqual(fitView(layout));
  });

  it('zooms around a point, keeping it where it was on screen', () => {
    const at = { x: 250, y: 200 };
    const before = viewBox(layout, fitView(layout));
    const after = viewBox(layout, zoomAt(layout, fitView(layout), 2, at));
    // The point's place as a share of the view is unchanged.
    expect((at.x - after.x) / after.width).toBeCloseTo((at.x - before.x) / before.width);
    expect((at.y - after.y) / after.height).toBeCloseTo((at.y - before.y) / before.height);
    expect(after.width).toBe(500);
  });

  it('keeps the zoom within its range', () => {
    expect(zoomAt(layout, fitView(layout), 0.1).scale).toBe(1);
    expect(zoomAt(layout, fitView(layout), 1e6).scale).toBe(MAX_SCALE);
  });

  it('centres on someone, and frames a group', () => {
    const v = centreOn(layout, fitView(layout), { x: 600, y: 500 }, 4);
    expect(v).toEqual({ scale: 4, cx: 600, cy: 500 });
    expect(inView(layout, v, { x: 600, y: 500 }, 10)).toBe(true);
    expect(inView(layout, v, { x: 100, y: 100 })).toBe(false);
    const f = frame(layout, { x: 100, y: 100, width: 100, height: 100 }, 0);
    expect(viewBox(layout, f)).toEqual({ x: 87.5, y: 100, width: 125, height: 100 });
  });
});
