// Charting trigger points by touch: records, list, drag, delete, undo/redo, referral
// patterns, hints, the reverse lookup, and the bilateral-thorax warning.
import { test, expect } from "@playwright/test";
import { allSaved, atlasToScreen, freshStart, markerCentre, muscleSel, readDb, showView, startWithOldChart, tapMuscle, touchPoint } from "./helpers.js";

test.use({ reducedMotion: "reduce" });


async function drag(page, from, to) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from.x, y: from.y, id: 1 }] });
  for (let i = 1; i <= 10; i++) {
    const x = from.x + ((to.x - from.x) * i) / 10;
    const y = from.y + ((to.y - from.y) * i) / 10;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y, id: 1 }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

/** The point the side panel shows. After a tap on the map that selects another point than
 * `before`, the panel follows in the task after the tap's frame: this waits for it. */
const selectedId = async (page, before) => {
  const panel = page.locator("[data-selected-trp]");
  if (before) await expect(panel).not.toHaveAttribute("data-selected-trp", before);
  return panel.getAttribute("data-selected-trp");
};

test("the point's record is built before the first tap, out of sight and out of reach until a point is selected", async ({ page }) => {
  await freshStart(page);
  // Built while the therapist looks at the map, but neither shown, read out nor tappable.
  const panel = page.locator(".point-panel");
  await expect(panel).toBeAttached();
  await expect(panel).toHaveClass(/\boff\b/);
  await expect(page.getByRole("button", { name: "Start timer" })).toHaveCount(0);
  await expect(page.locator(".selected, .muscle-name, .muscle-side")).toHaveCount(0);
  await tapMuscle(page, "posterior", "infraspinatus", "right");
  await expect(page.locator(".muscle-name")).toHaveText("Infraspinatus");
  await expect(panel).not.toHaveClass(/\boff\b/);
  await expect(page.locator(".selected")).toHaveAttribute("data-selected-muscle", "infraspinatus");
  await expect(page.getByRole("button", { name: "Start timer" })).toBeVisible();
  // Back to no selection: the record hides again.
  await page.getByRole("button", { name: "Delete point" }).tap();
  await expect(panel).toHaveClass(/\boff\b/);
  await expect(page.getByRole("button", { name: "Start timer" })).toHaveCount(0);
});

test("what start-up runs ahead of the first tap leaves no trace: no point, no visit, nothing written", async ({ page }) => {
  await freshStart(page);
  // Myomap rehearses a first tap on a scratch chart once the map is interactive.
  await page.waitForFunction(() => performance.getEntriesByName("myomap-rehearsed").length > 0);
  await expect(page.locator("[data-trp], [data-trp-row]")).toHaveCount(0);
  await expect(page.locator(".visit-bar")).toHaveAttribute("data-visit", "none");
  await expect(page.getByText("No visit under way.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start visit" })).toHaveCount(1);
  await expect(page.locator(".selected")).toHaveCount(0);
  // Nor on the map: no referral zones, highlighted muscle or typical-site hints.
  await expect(page.locator("g.referral, .sel-muscle, [data-hint]")).toHaveCount(0);
  const db = await readDb(page);
  expect(Object.keys(db).filter((k) => k.includes("/pt/") || k.endsWith("/open"))).toEqual([]);
  // The first real tap is the chart's first point.
  await tapMuscle(page, "posterior", "infraspinatus", "right");
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  await expect(page.locator("[data-trp-row]")).toHaveCount(1);
});

test("records are edited with large controls, listed, shown on the marker, and kept", async ({ page }) => {
  await freshStart(page);
  await tapMuscle(page, "posterior", "infraspinatus", "right");
  const a = await selectedId(page);
  await page.getByRole("button", { name: "Latent", exact: true }).tap();
  await page.getByRole("button", { name: "Patient recognises the pain" }).tap();
  await page.getByRole("button", { name: "Taut band" }).tap();
  await page.getByRole("button", { name: "Twitch responses: 2" }).tap();
  await page.getByRole("button", { name: "Pain before: 7" }).tap();
  await page.getByRole("button", { name: "Pain after: 3" }).tap();
  await page.getByRole("button", { name: "0.25" }).tap();
  await page.getByRole("button", { name: "40", exact: true }).tap();
  await page.getByRole("button", { name: "Pistoning" }).tap();
  await page.getByLabel("Pressure-pain threshold (kg/cm²)").fill("3.5");
  await page.getByLabel("Pressure-pain threshold (kg/cm²)").press("Enter");
  await page.getByLabel("Note").fill("Reproduces the lateral arm ache.");

  await tapMuscle(page, "posterior", "gluteus_medius", "left");
  const b = await selectedId(page, a);
  expect(b).not.toBe(a);

  // The marker shows status by shape and letter, and the pain score as a number.
  const ma = page.locator(`[data-trp="${a}"]`).first();
  await expect(ma).toHaveAttribute("data-status", "latent");
  await expect(ma.locator(".trp-letter")).toHaveText("L");
  await expect(ma.locator(".trp-nrs")).toHaveText("7");
  await expect(page.locator(`[data-trp="${b}"]`).first()).toHaveAttribute("data-status", "active");

  // The list shows both, and selecting a row selects the point on the map.
  const rows = page.locator("[data-trp-row]");
  await expect(rows).toHaveCount(2);
  await expect(page.locator(`[data-trp-row="${a}"]`)).toContainText("Infraspinatus");
  await expect(page.locator(`[data-trp-row="${a}"]`)).toContainText("Latent");
  await expect(page.locator(`[data-trp-row="${a}"]`)).toContainText("NRS 7");
  await expect(page.locator(`[data-trp-row="${b}"]`)).toHaveAttribute("aria-current", "true");
  await page.locator(`[data-trp-row="${a}"]`).tap();
  await expect(page.locator("[data-selected-trp]")).toHaveAttribute("data-selected-trp", a);
  await expect(page.locator(".sel-x")).toHaveCount(1);

  await page.reload();
  await page.locator(`[data-trp-row="${a}"]`).tap();
  await expect(page.getByRole("button", { name: "Latent", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Taut band" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Twitch responses: 2" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Pain after: 3" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Pistoning" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Pressure-pain threshold (kg/cm²)")).toHaveValue("3.5");
  await expect(page.getByLabel("Note")).toHaveValue("Reproduces the lateral arm ache.");
});

test("drag moves a point, delete removes it, undo and redo walk every change back and forth", async ({ page }) => {
  await freshStart(page);
  await tapMuscle(page, "posterior", "gluteus_maximus", "left");
  const id = await selectedId(page);
  const start = await markerCentre(page, id);
  const target = await touchPoint(page, muscleSel("posterior", "gluteus_medius", "left"));
  await drag(page, start, target);
  await expect(page.locator("[data-selected-trp]")).toHaveAttribute("data-selected-muscle", "gluteus_medius");
  const moved = await markerCentre(page, id);
  expect(Math.hypot(moved.x - target.x, moved.y - target.y)).toBeLessThan(2);
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  // At a therapist's pace: the move is kept, and the next tap is not the drag's follow-on.
  await allSaved(page);
  await page.waitForTimeout(400);

  await page.getByRole("button", { name: "Delete point" }).tap();
  await expect(page.locator("[data-trp]")).toHaveCount(0);
  await expect(page.getByRole("alert")).toContainText("Point deleted: Gluteus medius.");
  await expect(page.getByRole("button", { name: "Undo delete" })).toBeVisible();

  const undo = page.getByRole("button", { name: "Undo", exact: true });
  const redo = page.getByRole("button", { name: "Redo", exact: true });
  await undo.tap(); // delete
  await expect(page.locator(`[data-trp="${id}"]`)).toHaveCount(1);
  await undo.tap(); // move
  const back = await markerCentre(page, id);
  expect(Math.hypot(back.x - start.x, back.y - start.y)).toBeLessThan(2);
  await page.locator(`[data-trp-row="${id}"]`).tap();
  await expect(page.locator("[data-selected-trp]")).toHaveAttribute("data-selected-muscle", "gluteus_maximus");
  await undo.tap(); // mark
  await expect(page.locator("[data-trp]")).toHaveCount(0);
  await expect(undo).toBeDisabled();
  await redo.tap();
  await redo.tap();
  const again = await markerCentre(page, id);
  expect(Math.hypot(again.x - target.x, again.y - target.y)).toBeLessThan(2);
  // Undone changes are saved too.
  await page.reload();
  await expect(page.locator(`[data-trp="${id}"]`)).toHaveCount(1);
  await expect(page.locator(`[data-trp-row="${id}"]`)).toContainText("Gluteus medius");
});

test("a selected point shows its referral pattern on every view it reaches, and all patterns on request", async ({ page }) => {
  await freshStart(page);
  // The legend is built ahead but shows (and is read out) only with a pattern.
  const legend = page.getByRole("note", { name: "Referral pattern legend" });
  await expect(legend).toBeHidden();
  await tapMuscle(page, "posterior", "upper_trapezius", "right");
  await expect(legend).toBeVisible();
  // The question mark reaches the back of the neck and the temple (front view).
  for (const view of ["posterior", "anterior"]) {
    await expect(page.locator(`figure[data-view="${view}"] [data-referral="upper_trapezius"][data-grade="essential"]`).first()).toBeAttached();
  }
  await expect(page.locator('[data-referral="upper_trapezius"][data-grade="spillover"]').first()).toBeAttached();
  await expect(page.locator(".sel-x")).toHaveCount(1);
  await expect(page.locator(".refers")).toContainText("temple");

  await tapMuscle(page, "posterior", "gluteus_medius", "left");
  await expect(page.locator('.referral [data-referral="upper_trapezius"]')).toHaveCount(0);
  await page.getByRole("button", { name: "Show all patterns" }).tap();
  await expect(page.locator('.referral-all [data-referral="upper_trapezius"]').first()).toBeAttached();
  await expect(page.locator('.referral-all [data-referral="gluteus_medius"]').first()).toBeAttached();
});

test("a searched muscle shows its typical sites; tapping one marks the point on it", async ({ page }) => {
  await freshStart(page);
  await page.getByLabel("Find a muscle").fill("infraspinatus");
  await page.getByRole("button", { name: "Right: Infraspinatus" }).tap();
  const hint = page.locator('figure[data-view="posterior"] [data-hint]').first();
  await expect(hint).toBeAttached();
  await showView(page, "posterior");
  const box = await hint.locator("circle").boundingBox();
  const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.touchscreen.tap(c.x + 3, c.y + 2);
  const id = await selectedId(page);
  const m = await markerCentre(page, id);
  // Snapped onto the site, not where the finger landed.
  expect(Math.hypot(m.x - c.x, m.y - c.y)).toBeLessThan(1.5);
  await expect(page.locator("[data-selected-trp]")).toHaveAttribute("data-selected-muscle", "infraspinatus");
});

async function paint(page, view, x, y) {
  await showView(page, view);
  const p = await atlasToScreen(page, view, x, y);
  await page.touchscreen.tap(p.x, p.y);
  await page.waitForTimeout(420);
}

async function candidates(page, n) {
  const items = page.locator("[data-candidate]");
  await expect(items.first()).toBeVisible();
  const all = await items.evaluateAll((els) => els.map((e) => `${e.dataset.candidate}:${e.dataset.side}`));
  return all.slice(0, n);
}

test("where does it hurt: temple, lateral thigh and heel give sensible muscles; the drawing is kept", async ({ page }) => {
  await freshStart(page);
  await page.getByRole("button", { name: "Where does it hurt?" }).tap();
  // The patient's right temple, seen from the front (on the viewer's left).
  await paint(page, "anterior", -29, 36);
  let top = await candidates(page, 6);
  for (const m of ["upper_trapezius", "sternocleidomastoid", "temporalis"]) expect(top).toContain(`${m}:right`);
  await expect(page.locator("[data-trp]")).toHaveCount(0);

  await page.getByRole("button", { name: "Clear drawing" }).tap();
  await paint(page, "anterior", 78, 470);
  await paint(page, "anterior", 74, 500);
  top = await candidates(page, 6);
  for (const m of ["gluteus_minimus", "vastus_lateralis", "tensor_fasciae_latae"]) expect(top).toContain(`${m}:left`);

  await page.getByRole("button", { name: "Clear drawing" }).tap();
  await paint(page, "posterior", 30, 785);
  top = await candidates(page, 3);
  expect(top).toContain("soleus:right");

  // The pain drawing is part of the saved record.
  await page.reload();
  await page.getByRole("button", { name: "Where does it hurt?" }).tap();
  await expect(page.locator(".pain-dab").first()).toBeAttached();
  expect(await candidates(page, 3)).toContain("soleus:right");
  // Choosing a candidate zooms to it and selects it, ready to chart.
  await page.locator('[data-candidate="soleus"] button').tap();
  await expect(page.locator(".selected")).toHaveAttribute("data-selected-muscle", "soleus");
  await expect(page.getByRole("button", { name: "Where does it hurt?" })).toHaveAttribute("aria-pressed", "false");
});

/** Whether each of the first `n` candidates is inside the viewport and uncovered. */
async function candidatesInView(page, n) {
  return page.locator("[data-candidate] button").evaluateAll((els, n) => els.slice(0, n).map((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { name: el.querySelector(".cand-name").textContent, inView: r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth, uncovered: hit != null && el.contains(hit) };
  }), n);
}

test("where does it hurt: the temple is painted without zooming and five muscles show without scrolling", async ({ page }) => {
  await freshStart(page);
  // Scrolled down the record first: the lookup still opens at its top.
  await page.locator(".side-scroll").evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.getByRole("button", { name: "Where does it hurt?" }).tap();
  await paint(page, "anterior", -29, 36);
  await expect(page.locator("[data-candidate]").nth(4)).toBeAttached();
  const shown = await candidatesInView(page, 5);
  expect(shown).toHaveLength(5);
  for (const c of shown) {
    expect(c.inView, `${c.name} in view`).toBe(true);
    expect(c.uncovered, `${c.name} not covered`).toBe(true);
  }
  await expect(page.locator(".side-scroll")).toHaveJSProperty("scrollTop", 0);
});

test("where does it hurt with four needles in: the five likeliest muscles still show without scrolling", async ({ page }) => {
  const now = Date.now();
  const spots = [["upper_trapezius", "right", 44, 136], ["infraspinatus", "right", 62, 192], ["gluteus_medius", "left", -60, 356], ["gluteus_medius", "right", 60, 356]];
  const trps = spots.map(([muscle, side, x, y], i) => ({ id: i + 1, muscle, side, at: { view: "posterior", x, y }, marked_at: now }));
  const timers = trps.map((t, i) => ({ id: 20 + i, trp: t.id, duration: (10 + i) * 60000, banked: 0, running_since: now - 60000, started_at: now - 60000, ended_at: null }));
  const answers = ["bleeding", "pregnancy", "needle_fear", "local_infection", "lymphoedema", "metal_allergy", "immune_suppression", "pacemaker", "epilepsy"]
    .map((question) => ({ question, yes: false, answered_at: now - 300000 }));
  await startWithOldChart(page, JSON.stringify({ app: "myomap", schema: 1, chart: { trps, timers, next_id: 30, visit: { started_at: now - 400000, screening: { answers } } } }));
  await page.getByRole("button", { name: "Dismiss message" }).tap();
  await expect(page.locator("[data-timer]")).toHaveCount(4);
  await page.getByRole("button", { name: "Where does it hurt?" }).tap();
  await paint(page, "anterior", -29, 36);
  await expect(page.locator("[data-candidate]").nth(4)).toBeAttached();
  for (const c of await candidatesInView(page, 5)) {
    expect(c.inView, `${c.name} in view`).toBe(true);
    expect(c.uncovered, `${c.name} not covered`).toBe(true);
  }
  // Done gives the timers their room back.
  await page.getByRole("button", { name: "Done" }).tap();
  const outs = await page.locator("[data-timer] .timer-out").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom <= innerHeight));
  expect(outs).toEqual([true, true, true, true]);
});

test("caution badge and guidance over a hazard; both sides of the thorax raise a warning", async ({ page }) => {
  await freshStart(page);
  await page.getByRole("button", { name: /Deep/ }).tap();
  await tapMuscle(page, "posterior", "rhomboid_major", "right", "deep");
  const id = await selectedId(page);
  await expect(page.locator(`[data-trp="${id}"]`).first()).toHaveAttribute("data-caution", "true");
  await expect(page.getByRole("note", { name: "Needling caution" })).toContainText("Lung");
  await expect(page.locator('[data-warning="bilateral-thorax"]')).toHaveCount(0);
  await page.getByRole("button", { name: /Deep/ }).tap();
  await tapMuscle(page, "anterior", "pectoralis_major", "left");
  const warning = page.locator('[data-warning="bilateral-thorax"]');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("both sides");
  await expect(warning).toContainText("Rhomboid major · Right");
  await expect(warning).toContainText("Pectoralis major · Left");
  await page.getByRole("button", { name: "Undo", exact: true }).tap();
  await expect(warning).toHaveCount(0);
});

test("a long session lists its most recent points and the selected one; Show all lists every point", async ({ page }) => {
  const trps = Array.from({ length: 45 }, (_, i) => ({
    id: i + 1,
    muscle: "gluteus_maximus",
    side: i % 2 ? "left" : "right",
    at: { view: "posterior", x: (i % 2 ? -1 : 1) * (40 + (i % 5) * 4), y: 380 + Math.floor(i / 5) * 4 },
    marked_at: 1,
  }));
  await startWithOldChart(page, JSON.stringify({ app: "myomap", schema: 1, chart: { trps, timers: [], next_id: 46 } }));
  await expect(page.locator("[data-trp]")).toHaveCount(45);
  const rows = page.locator("[data-trp-row]");
  await expect(rows).toHaveCount(40);
  await expect(page.locator('[data-trp-row="1"]')).toHaveCount(0);
  await expect(page.locator('[data-trp-row="45"]')).toHaveCount(1);
  // Selecting an older point on the map brings its row into the list.
  await showView(page, "posterior");
  const m = await markerCentre(page, 1);
  await page.touchscreen.tap(m.x, m.y);
  await expect(page.locator('[data-trp-row="1"]')).toHaveAttribute("aria-current", "true");
  await page.getByRole("button", { name: "Show all 45" }).tap();
  await expect(rows).toHaveCount(45);
});
