// The whole path by touch: body map -> tap -> trigger point -> timer -> saved -> reload.
import { test, expect } from "@playwright/test";
import { freshStart, markerCentre, muscleSel, showView, tapMuscle, startVisit, timerButton } from "./helpers.js";

const SKELETON = [
  ["upper_trapezius", "posterior", "sup"],
  ["levator_scapulae", "posterior", "deep"],
  ["infraspinatus", "posterior", "sup"],
  ["gluteus_medius", "posterior", "sup"],
  ["sternocleidomastoid", "anterior", "sup"],
  ["tibialis_anterior", "anterior", "sup"],
];

test("both views draw a body with the skeleton muscles on both sides", async ({ page }) => {
  await freshStart(page);
  for (const view of ["anterior", "posterior"]) {
    await expect(page.locator(`figure[data-view="${view}"] path.body`)).toHaveCount(1);
  }
  for (const [muscle, view, layer] of SKELETON) {
    for (const side of ["left", "right"]) {
      await expect(page.locator(muscleSel(view, muscle, side, layer))).toHaveCount(1);
    }
  }
  // The patient's sides are labelled on both views, mirrored between them.
  const front = page.locator('figure[data-view="anterior"] .side-tag');
  await expect(front.first()).toHaveText("Patient's RIGHT");
  const back = page.locator('figure[data-view="posterior"] .side-tag');
  await expect(back.first()).toHaveText("Patient's LEFT");
});

test("a tap marks a trigger point exactly under the finger and names muscle and side", async ({ page }) => {
  await freshStart(page);
  const p = await tapMuscle(page, "posterior", "upper_trapezius", "left");
  const marker = page.locator("[data-trp]");
  await expect(marker).toHaveCount(1);
  const id = await marker.getAttribute("data-trp");
  const c = await markerCentre(page, id);
  expect(Math.abs(c.x - p.x)).toBeLessThan(1.5);
  expect(Math.abs(c.y - p.y)).toBeLessThan(1.5);
  await expect(page.locator(".muscle-name")).toHaveText("Upper trapezius");
  await expect(page.locator(".muscle-side")).toHaveText("Patient's left");

  // A tap a few pixels off an existing marker selects it instead of marking a new one
  // (after a pause: two quick taps on one spot are a double tap, which zooms).
  await page.waitForTimeout(400);
  await page.touchscreen.tap(c.x + 4, c.y - 3);
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  await expect(page.locator("[data-selected-trp]")).toHaveAttribute("data-selected-trp", id);

  // The front view mirrors sides: the patient's right is on the viewer's left.
  await tapMuscle(page, "anterior", "tibialis_anterior", "right");
  await expect(page.locator(".muscle-name")).toHaveText("Tibialis anterior");
  await expect(page.locator(".muscle-side")).toHaveText("Patient's right");
  const ta = await page.locator(muscleSel("anterior", "tibialis_anterior", "right")).boundingBox();
  const body = await page.locator('figure[data-view="anterior"] path.body').boundingBox();
  expect(ta.x + ta.width / 2).toBeLessThan(body.x + body.width / 2);
});

test("deep layer: levator scapulae is reachable and superficial muscles become outlines", async ({ page }) => {
  await freshStart(page);
  await showView(page, "posterior");
  const deep = page.getByRole("button", { name: /Deep/ });
  await deep.tap();
  await expect(deep).toHaveAttribute("aria-pressed", "true");
  await tapMuscle(page, "posterior", "levator_scapulae", "right", "deep");
  await expect(page.locator(".muscle-name")).toHaveText("Levator scapulae");
  await expect(page.locator(".muscle-side")).toHaveText("Patient's right");
  // Superficial regions no longer take taps in the deep layer.
  const pe = await page
    .locator(muscleSel("posterior", "upper_trapezius", "right"))
    .evaluate((el) => getComputedStyle(el).pointerEvents);
  expect(pe).toBe("none");
});

test("a timer runs from timestamps, pauses, resumes and survives a reload with its marker", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
  await freshStart(page);
  await startVisit(page);
  const p = await tapMuscle(page, "posterior", "infraspinatus", "right");
  const id = await page.locator("[data-trp]").getAttribute("data-trp");
  await page.getByRole("button", { name: "Start timer" }).tap();
  const timer = page.locator("[data-timer]");
  await expect(timer).toHaveAttribute("data-state", "running");
  await expect(timer.locator(".timer-time")).toHaveText("15:00");

  await page.clock.fastForward("05:00");
  await expect(timer.locator(".timer-time")).toHaveText("10:00");

  await (await timerButton(timer, "Pause")).tap();
  await expect(timer).toHaveAttribute("data-state", "paused");
  await page.clock.fastForward("03:00");
  await expect(timer.locator(".timer-time")).toHaveText("10:00");
  await (await timerButton(timer, "Resume")).tap();
  await expect(timer).toHaveAttribute("data-state", "running");
  await page.clock.fastForward("01:00");
  await expect(timer.locator(".timer-time")).toHaveText("09:00");

  // The marker sits where it was tapped; with a needle in, the dock takes its space (the
  // map may be smaller in portrait), and the marker is in the same place after a reload.
  const placed = await markerCentre(page, id);
  if (page.viewportSize().width > page.viewportSize().height) {
    expect(Math.abs(placed.x - p.x)).toBeLessThan(1.5);
    expect(Math.abs(placed.y - p.y)).toBeLessThan(1.5);
  }
  await page.reload();
  await showView(page, "posterior");
  const again = page.locator(`[data-trp="${id}"]`);
  await expect(again).toHaveCount(1);
  const c = await markerCentre(page, id);
  expect(Math.abs(c.x - placed.x)).toBeLessThan(1.5);
  expect(Math.abs(c.y - placed.y)).toBeLessThan(1.5);
  await expect(timer).toHaveAttribute("data-state", "running");
  await expect(timer.locator(".timer-time")).toHaveText(/^0(9:00|8:5[5-9])$/); // give or take the real seconds a reload takes

  // Time passes while the page is away too: the timer comes back overdue.
  await page.clock.fastForward("10:00");
  await page.reload();
  await expect(timer).toHaveAttribute("data-state", "overdue");
  // Real time also flows under the installed clock while the page reloads.
  await expect(timer.locator(".timer-time")).toHaveText(/^-01:[0-5]\d$/);

  await timer.getByRole("button", { name: "Needle out" }).tap();
  await expect(page.locator("[data-timer]")).toHaveCount(0);
  await page.reload();
  await expect(page.locator("[data-timer]")).toHaveCount(0);
  await expect(page.locator(`[data-trp="${id}"]`)).toHaveCount(1);
});

test("a marker stays on its spot of the muscle when the tablet rotates", async ({ page }) => {
  await freshStart(page);
  await tapMuscle(page, "posterior", "gluteus_medius", "left");
  const id = await page.locator("[data-trp]").getAttribute("data-trp");
  const size = page.viewportSize();
  await page.setViewportSize({ width: size.height, height: size.width });
  await showView(page, "posterior");
  // Under the marker's centre, with markers out of the way, lies the same muscle and side.
  const c = await markerCentre(page, id);
  const under = await page.evaluate(({ x, y }) => {
    document.querySelectorAll(".markers").forEach((m) => m.style.setProperty("display", "none"));
    const el = document.elementFromPoint(x, y);
    return el && [el.getAttribute("data-muscle"), el.getAttribute("data-side")];
  }, c);
  expect(under).toEqual(["gluteus_medius", "left"]);
});
