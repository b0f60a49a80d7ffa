// Gloves on, one hand free: every control on every treatment screen is a touch target of at
// least 44 CSS px, its words fit inside it, and the names written on the zoomed map are never
// under a floating control nor cut through by a trigger point.
import { test, expect } from "@playwright/test";
import { freshStart, startWithOldChart, showView } from "./helpers.js";

const QUESTIONS = ["bleeding", "pregnancy", "needle_fear", "local_infection", "lymphoedema", "metal_allergy",
  "immune_suppression", "pacemaker", "epilepsy"];

/** A visit under way with both sides of the thorax charted (the safety banner shows), four
 * needles in (one overdue, one e-stim pair) and a pain drawing. */
function busyChart() {
  const now = Date.now();
  const spots = [["upper_trapezius", "right", 44, 136], ["rhomboid_major", "left", -30, 180],
    ["infraspinatus", "right", 62, 192], ["gluteus_medius", "left", -60, 356]];
  const trps = spots.map(([muscle, side, x, y], i) => ({ id: i + 1, muscle, side, at: { view: "posterior", x, y }, marked_at: now, findings: { nrs_before: 6 } }));
  const timers = trps.map((t, i) => ({ id: 20 + i, trp: t.id, duration: (8 + i * 3) * 60000, banked: 0, running_since: now - 300000, started_at: now - 300000, ended_at: null }));
  timers[0].duration = 120000;
  timers.push({ id: 30, trp: 3, duration: 600000, banked: 0, running_since: now - 60000, started_at: now - 60000, ended_at: null, estim: { needles: [22, 23], hz: 2, ma: 4 } });
  const answers = QUESTIONS.map((question) => ({ question, yes: false, answered_at: now - 880000 }));
  return JSON.stringify({ app: "myomap", schema: 1, chart: { trps, timers, next_id: 40, pain: [{ view: "anterior", x: -28, y: 40, r: 8 }], visit: { started_at: now - 900000, screening: { answers } } } });
}

/** Every visible button, link-button and text field that is too small to tap or whose words
 * spill out of it. */
async function badControls(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("button, a.btn, input:not([type=range]), select, textarea")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
      if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) continue;
      const name = (el.getAttribute("aria-label") || el.textContent || el.name || el.className).trim().slice(0, 40);
      if (r.height < 44 || r.width < 44) out.push(`${name}: ${Math.round(r.width)}x${Math.round(r.height)} px`);
      if (el.tagName !== "INPUT" && el.tagName !== "TEXTAREA" && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        out.push(`${name}: words overflow (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
      }
    }
    return out;
  });
}

test("every control is at least 44 px and holds its words, on every screen of a busy visit", async ({ page }) => {
  await startWithOldChart(page, busyChart());
  await expect(page.locator("[data-timer]")).toHaveCount(5);
  await expect(page.locator("[data-alarm]")).toBeVisible();
  const screens = {};
  screens["treatment screen"] = await badControls(page);
  await page.getByRole("button", { name: "Dismiss message" }).tap().catch(() => {});
  await page.locator('[data-trp-row="1"]').tap();
  screens["a point's record"] = await badControls(page);
  await page.locator("[data-timer]").nth(1).locator(".timer-main").tap();
  screens["a timer's controls"] = await badControls(page);
  await page.getByRole("button", { name: "Where does it hurt?" }).tap();
  screens["where does it hurt"] = await badControls(page);
  await page.getByRole("button", { name: "Done" }).tap();
  await page.getByRole("button", { name: "Regions" }).tap();
  screens["regions"] = await badControls(page);
  await page.getByRole("button", { name: "Regions" }).tap();
  await page.getByRole("button", { name: "Screening" }).tap();
  screens["screening"] = await badControls(page);
  await page.getByRole("button", { name: "Done" }).tap();
  await page.getByRole("button", { name: "End visit" }).tap();
  screens["end visit"] = await badControls(page);
  await page.getByRole("button", { name: "Keep the visit open" }).tap();
  await page.getByRole("button", { name: "Patients", exact: true }).tap();
  screens["patients"] = await badControls(page);
  for (const [screen, bad] of Object.entries(screens)) expect(bad, screen).toEqual([]);
});

/** The names written on the map (not hidden) whose box overlaps anything matching `what`. */
function namesOver(page, what) {
  return page.evaluate((what) => {
    const boxes = [...document.querySelectorAll(what)].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
    const over = (a, b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
    return [...document.querySelectorAll(".stage .label")]
      .filter((l) => getComputedStyle(l).visibility !== "hidden")
      .filter((l) => { const r = l.getBoundingClientRect(); return r.width > 0 && boxes.some((b) => over(r, b)); })
      .map((l) => l.textContent);
  }, what);
}

/** How many names are written on the map and shown. */
function namesShown(page) {
  return page.locator(".stage .label").evaluateAll((ls) => ls.filter((l) => getComputedStyle(l).visibility !== "hidden" && l.getBoundingClientRect().width > 0).length);
}

test("names written on the zoomed map are never under a floating control", async ({ page }) => {
  await startWithOldChart(page, busyChart());
  await page.getByRole("button", { name: "Dismiss message" }).tap().catch(() => {});
  for (const [view, preset] of [["posterior", "Shoulders"], ["posterior", "Low back and pelvis"], ["anterior", "Knee and leg"]]) {
    await showView(page, view);
    await page.getByRole("button", { name: "Regions" }).tap();
    await page.getByRole("button", { name: preset }).tap();
    // Names are written from twice the resting zoom on.
    if (!(await page.locator(".stage .label").first().isVisible())) await page.getByRole("button", { name: "Zoom in" }).tap();
    await expect(page.locator(".stage .label").first()).toBeAttached();
    // The map settles after its zoom before the names are checked against the controls.
    await page.waitForTimeout(900);
    const clashes = await namesOver(page, ".zoom-controls .btn, .legend:not(.off), .side-tag");
    expect(clashes, `${preset}: names under a control`).toEqual([]);
    // Some names are still written (the check is not passing by hiding them all).
    expect(await namesShown(page)).toBeGreaterThan(3);
    await page.getByRole("button", { name: "Reset zoom" }).tap();
  }
});

test("a name written on the zoomed map gives way to a trigger point charted under it", async ({ page }) => {
  await freshStart(page);
  await showView(page, "posterior");
  await page.getByRole("button", { name: "Regions" }).tap();
  await page.getByRole("button", { name: "Shoulders" }).tap();
  if (!(await page.locator(".stage .label").first().isVisible())) await page.getByRole("button", { name: "Zoom in" }).tap();
  await page.waitForTimeout(900);
  // The written name nearest the middle of the map.
  const k = await page.locator('figure[data-view="posterior"] .stage .label').evaluateAll((ls) => {
    const s = document.querySelector('figure[data-view="posterior"] .stage').getBoundingClientRect();
    const away = (l) => { const r = l.getBoundingClientRect(); return Math.hypot(r.left + r.width / 2 - (s.left + s.width / 2), r.top + r.height / 2 - (s.top + s.height / 2)); };
    const shown = ls.map((l, i) => [l, i]).filter(([l]) => getComputedStyle(l).visibility !== "hidden" && l.getBoundingClientRect().width > 0);
    shown.sort((a, b) => away(a[0]) - away(b[0]));
    return shown.length ? shown[0][1] : -1;
  });
  expect(k).toBeGreaterThanOrEqual(0);
  const name = page.locator('figure[data-view="posterior"] .stage .label').nth(k);
  await expect(name).toBeVisible();
  // A tap in the middle of the name reaches the muscle under it (names take no taps).
  const box = await name.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('figure[data-view="posterior"] [data-trp]')).toHaveCount(1);
  await expect(name).toBeHidden();
  // No name that is still written runs through a marker or the selection ring.
  expect(await namesOver(page, ".stage .trp-dot, .stage .sel-ring")).toEqual([]);
  // The other names stay.
  expect(await namesShown(page)).toBeGreaterThan(3);
});

/** The names written on the map (not hidden, and on their stage) that the stage's edge cuts,
 * and the pairs of them that cross one another. */
function namesCutOrCrossed(page) {
  return page.evaluate(() => {
    const over = (a, b, by) => a.left + by < b.right && a.right - by > b.left && a.top + by < b.bottom && a.bottom - by > b.top;
    const shown = [...document.querySelectorAll(".stage .label")]
      .filter((l) => getComputedStyle(l).visibility !== "hidden" && l.getBoundingClientRect().width > 0)
      .map((l) => ({ l, r: l.getBoundingClientRect(), stage: l.closest(".stage") }))
      .filter(({ r, stage }) => over(r, stage.getBoundingClientRect(), 0));
    const cut = shown.filter(({ r, stage }) => {
      const s = stage.getBoundingClientRect();
      return r.left < s.left - 0.5 || r.top < s.top - 0.5 || r.right > s.right + 0.5 || r.bottom > s.bottom + 0.5;
    }).map(({ l }) => l.textContent);
    const crossed = [];
    for (const [i, a] of shown.entries()) {
      for (const b of shown.slice(i + 1)) if (a.stage === b.stage && over(a.r, b.r, 1)) crossed.push(`${a.l.textContent} / ${b.l.textContent}`);
    }
    return { shown: shown.length, cut, crossed };
  });
}

test("names near the edge of the zoomed map are written whole inside it, and never across one another", async ({ page }) => {
  await freshStart(page);
  let seen = 0;
  for (const [view, preset] of [["posterior", "Shoulders"], ["anterior", "Shoulders"], ["posterior", "Hip and thigh"], ["anterior", "Knee and leg"]]) {
    await showView(page, view);
    await page.getByRole("button", { name: "Regions" }).tap();
    await page.getByRole("button", { name: preset }).tap();
    // Names are written from twice the resting zoom on.
    await page.waitForTimeout(500);
    if (!(await page.locator(".stage .label").first().isVisible())) await page.getByRole("button", { name: "Zoom in" }).tap();
    for (let step = 0; step < 2; step++) {
      if (step) await page.getByRole("button", { name: "Zoom in" }).tap();
      await expect(page.locator(".stage .label").first()).toBeAttached();
      // The map settles after its zoom before the names are checked.
      await page.waitForTimeout(900);
      const { shown, cut, crossed } = await namesCutOrCrossed(page);
      expect(cut, `${preset} (${view}, step ${step}): names cut by the edge`).toEqual([]);
      expect(crossed, `${preset} (${view}, step ${step}): names across one another`).toEqual([]);
      seen += shown;
    }
    await page.getByRole("button", { name: "Reset zoom" }).tap();
  }
  // Names are still written near the edges and elsewhere (the check is not passing by hiding them all).
  expect(seen).toBeGreaterThan(30);
});

test("the header's search field writes its placeholder whole or not at all, beside a short or a long name", async ({ page }) => {
  await freshStart(page);
  /** How much of "Find a muscle" the field shows: "whole", "none" (the magnifier alone says
   * what the field is for) or "cut". */
  const placeholder = () => page.getByLabel("Find a muscle").evaluate((input) => {
    const style = getComputedStyle(input);
    if (getComputedStyle(input, "::placeholder").color === "rgba(0, 0, 0, 0)") return "none";
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = style.font;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return ctx.measureText(input.placeholder).width <= room ? "whole" : "cut";
  });
  const seen = new Set();
  for (const name of ["Ann Li", "Maria Fernanda Lopez-Castellanos"]) {
    await page.locator("[data-current-patient]").tap();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Save details" }).tap();
    await page.getByRole("button", { name: "Close" }).tap();
    const shown = await placeholder();
    expect(shown, name).not.toBe("cut");
    seen.add(shown);
  }
  // Landscape has room for the words beside a short name; portrait never does.
  const landscape = page.viewportSize().width > page.viewportSize().height;
  expect(seen.has("whole")).toBe(landscape);
});
