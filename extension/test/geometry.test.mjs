// Placement: the panel's spot covers neither the composer nor any site control, nearest first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freeSpot, intersect, overlaps } from "../src/content/geometry.js";

const box = (left, top, w, h) => ({ left, top, right: left + w, bottom: top + h });
const viewport = box(0, 0, 1366, 768);

test("intersect and overlaps", () => {
  assert.deepEqual(intersect(box(0, 0, 10, 10), box(5, 5, 10, 10)), { left: 5, top: 5, right: 10, bottom: 10 });
  assert.equal(intersect(box(0, 0, 10, 10), box(10, 0, 5, 5)), null);
  assert.ok(overlaps(box(0, 0, 10, 10), box(9, 9, 5, 5)));
  assert.ok(!overlaps(box(0, 0, 10, 10), box(10, 10, 5, 5)));
});

test("free space on the right: the panel goes right of the composer's container", () => {
  const composer = box(400, 100, 500, 120), scope = box(380, 80, 540, 200);
  const spot = freeSpot(scope, composer, 300, 200, [], viewport);
  assert.deepEqual(spot, { left: scope.right + 12, top: composer.top });
});

test("a full-width page: controls on both sides push the panel to where nothing is", () => {
  const composer = box(300, 60, 600, 100), scope = box(280, 40, 640, 160);
  const nav = [box(20, 0, 240, 768)];                                     // left navigation, full height
  const sidebar = [box(950, 0, 400, 500)];                                // right column, top part
  const spot = freeSpot(scope, composer, 300, 200, [...nav, ...sidebar], viewport);
  assert.ok(spot, "a spot is found");
  const panel = box(spot.left, spot.top, 300, 200);
  for (const o of [...nav, ...sidebar, composer]) assert.ok(!overlaps(panel, o), JSON.stringify({ panel, o }));
  assert.ok(panel.right <= viewport.right - 4 && panel.bottom <= viewport.bottom - 4);
});

test("no free spot at all: null (the panel folds into its badge)", () => {
  const composer = box(300, 60, 600, 100);
  const everywhere = [box(0, 0, 1366, 768)];
  assert.equal(freeSpot(composer, composer, 300, 200, everywhere, viewport), null);
});
