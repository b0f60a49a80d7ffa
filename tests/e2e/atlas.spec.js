// The atlas by touch: every listed muscle tappable on both sides, search, zoom, pinch,
// double tap, region presets, labels, and the review page.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { atlasToScreen, freshStart, muscleSel, showView, touchPoint } from "./helpers.js";

// The coverage list lives once, in the native atlas checks.
const REQUIRED = [...readFileSync("tests/atlas.rs", "utf8")
  .match(/const REQUIRED: &\[&str\] = &\[([\s\S]*?)\];/)[1]
  .matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);

const NAMES = {};

async function camera(page) {
  return page.evaluate(() => {
    const z = [...document.querySelectorAll(".zoomer")].find((e) => e.getBoundingClientRect().width > 0);
    const m = new DOMMatrix(getComputedStyle(z).transform);
    return { scale: m.a, tx: m.e, ty: m.f };
  });
}


async function pinch(page, from, to, centre) {
  const cdp = await page.context().newCDPSession(page);
  const pts = (d) => [{ x: centre.x - d, y: centre.y, id: 1 }, { x: centre.x + d, y: centre.y, id: 2 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: pts(from) });
  const steps = 8;
  for (let i = 1; i <= steps; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: pts(from + ((to - from) * i) / steps) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

async function twoFingerPan(page, centre, dx, dy) {
  const cdp = await page.context().newCDPSession(page);
  const pts = (ox, oy) => [{ x: centre.x - 40 + ox, y: centre.y + oy, id: 1 }, { x: centre.x + 40 + ox, y: centre.y + oy, id: 2 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: pts(0, 0) });
  for (let i = 1; i <= 6; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: pts((dx * i) / 6, (dy * i) / 6) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

test.describe("atlas", () => {
  test.use({ reducedMotion: "reduce" });

  test("every listed muscle is tappable on both sides, found by search", async ({ page }) => {
    test.setTimeout(300_000);
    await freshStart(page);
    expect(REQUIRED.length).toBeGreaterThanOrEqual(91);
    let last = null;
    for (const id of REQUIRED) {
      for (const side of ["right", "left"]) {
        const search = page.getByLabel("Find a muscle");
        await search.fill(id.replaceAll("_", " "));
        const row = page.locator(`[data-result="${id}"]`);
        await expect(row).toBeVisible();
        NAMES[id] ??= await row.locator(".result-name").textContent();
        await row.getByRole("button", { name: side === "right" ? /^Right/ : /^Left/ }).tap();
        const selected = page.locator(".selected");
        await expect(selected).toHaveAttribute("data-selected-muscle", id);
        // Now tap the muscle itself where it is drawn, as a finger would.
        const layer = (await page.getByRole("button", { name: /Deep/ }).getAttribute("aria-pressed")) === "true" ? "deep" : "sup";
        const views = [];
        for (const view of ["anterior", "posterior"]) {
          if ((await page.locator(muscleSel(view, id, side, layer)).count()) > 0) views.push(view);
        }
        expect(views.length, `${id} ${side} drawn in the ${layer} layer`).toBeGreaterThan(0);
        const shown = await page.locator(".map-area").getAttribute("data-show");
        const view = views.includes(shown) ? shown : views[0];
        await showView(page, view);
        const p = await touchPoint(page, muscleSel(view, id, side, layer));
        if (last && Math.hypot(p.x - last.x, p.y - last.y) < 40) await page.waitForTimeout(400); // not a double tap
        await page.touchscreen.tap(p.x, p.y);
        last = p;
        await expect(selected).toHaveAttribute("data-selected-muscle", id);
        await expect(selected).toHaveAttribute("data-selected-side", side);
        await expect(page.locator(".muscle-name")).toHaveText(NAMES[id]);
        await expect(page.locator(".muscle-side")).toHaveText(`Patient's ${side}`);
        // Take the point back so that markers never crowd the next muscle.
        await expect(page.locator("[data-trp]")).toHaveCount(1);
        await page.getByRole("button", { name: "Undo", exact: true }).tap();
        await expect(page.locator("[data-trp]")).toHaveCount(0);
      }
    }
  });

  test("every drawn region is an SVG shape that names its muscle and the patient's side", async ({ page }) => {
    await freshStart(page);
    const regions = await page.locator("svg.art path[data-muscle]").evaluateAll((paths) => paths.map((p) => ({
      svg: p instanceof SVGPathElement && p.getTotalLength() > 0,
      muscle: p.dataset.muscle,
      side: p.dataset.side,
      title: p.querySelector("title")?.textContent ?? "",
    })));
    expect(regions.length).toBeGreaterThan(200);
    for (const r of regions) {
      expect(r.svg, `${r.muscle} ${r.side} drawn`).toBe(true);
      expect(r.title, `${r.muscle} ${r.side}`).toMatch(new RegExp(`^[A-Z][^<>]+, patient's ${r.side}$`));
    }
    const trapezius = regions.find((r) => r.muscle === "upper_trapezius" && r.side === "left");
    expect(trapezius.title).toBe("Upper trapezius, patient's left");
  });

  test("typing trap lists the trapezius parts; choosing one zooms to it and selects it", async ({ page }) => {
    await freshStart(page);
    await page.getByLabel("Find a muscle").fill("trap");
    const names = await page.locator("[data-result] .result-name").allTextContents();
    expect(names.slice(0, 3).sort()).toEqual(["Lower trapezius", "Middle trapezius", "Upper trapezius"]);
    await page.getByRole("button", { name: "Left: Middle trapezius" }).tap();
    await expect(page.locator(".muscle-name")).toHaveText("Middle trapezius");
    await expect(page.locator(".muscle-side")).toHaveText("Patient's left");
    expect((await camera(page)).scale).toBeGreaterThan(1.5);
    // The selected muscle is outlined on the map, and it is on screen.
    const hl = page.locator('figure[data-view="posterior"] .sel-muscle');
    await expect(hl).toHaveCount(1);
    const box = await hl.boundingBox();
    const vp = page.viewportSize();
    expect(box.x + box.width / 2).toBeGreaterThan(0);
    expect(box.x + box.width / 2).toBeLessThan(vp.width);
    expect(box.y + box.height / 2).toBeLessThan(vp.height);
    await page.getByLabel("Find a muscle").fill("qqq");
    await expect(page.getByText("No muscle matches.")).toBeVisible();
  });

  test("zoom buttons, region presets, labels when zoomed, reset", async ({ page }) => {
    await freshStart(page);
    expect((await camera(page)).scale).toBe(1);
    await expect(page.locator(".label")).toHaveCount(0);
    await page.getByRole("button", { name: "Zoom in" }).tap();
    await page.getByRole("button", { name: "Zoom in" }).tap();
    expect((await camera(page)).scale).toBeGreaterThan(2);
    await expect(page.locator(".label").first()).toBeAttached();
    await page.getByRole("button", { name: "Zoom out" }).tap();
    expect((await camera(page)).scale).toBeLessThan(2);
    await page.getByRole("button", { name: "Reset zoom" }).tap();
    expect((await camera(page)).scale).toBe(1);

    for (const [preset, view, muscle, x, y] of [
      ["Head and neck", "anterior", "sternocleidomastoid", -12, 118],
      ["Low back and pelvis", "posterior", "gluteus_medius", 60, 356],
      ["Knee and leg", "anterior", "tibialis_anterior", -43, 660],
    ]) {
      await page.getByRole("button", { name: "Regions" }).tap();
      await page.getByRole("button", { name: preset }).tap();
      expect((await camera(page)).scale, preset).toBeGreaterThan(1.8);
      await showView(page, view);
      // A landmark of the region is on screen and still under the finger's atlas point.
      const p = await atlasToScreen(page, view, x, y);
      const vp = page.viewportSize();
      expect(p.x > 0 && p.x < vp.width && p.y > 60 && p.y < vp.height, preset).toBe(true);
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute("data-muscle"), p);
      expect(hit, preset).toBe(muscle);
    }
  });

  test("pinch zooms about the fingers, two fingers pan, double tap zooms in without marking", async ({ page }) => {
    await freshStart(page);
    const stage = await page.locator(".stage").first().boundingBox();
    const centre = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 };
    await pinch(page, 30, 120, centre);
    const z = await camera(page);
    expect(z.scale).toBeGreaterThan(2.5);
    await expect(page.locator("[data-trp]")).toHaveCount(0);
    await twoFingerPan(page, centre, 60, 40);
    const panned = await camera(page);
    expect(panned.tx - z.tx).toBeGreaterThan(30);
    expect(panned.ty - z.ty).toBeGreaterThan(20);
    await pinch(page, 120, 20, centre);
    expect((await camera(page)).scale).toBeLessThan(z.scale);

    const reset = page.getByRole("button", { name: "Reset zoom" });
    if (await reset.isEnabled()) await reset.tap();
    expect((await camera(page)).scale).toBe(1);
    await showView(page, "posterior");
    const p = await touchPoint(page, muscleSel("posterior", "gluteus_maximus", "left"));
    await page.touchscreen.tap(p.x, p.y);
    await page.touchscreen.tap(p.x, p.y);
    expect((await camera(page)).scale).toBeGreaterThan(1.5);
    await expect(page.locator("[data-trp]")).toHaveCount(0);
    // The spot double-tapped stays under the finger.
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute("data-muscle"), p);
    expect(hit).toBe("gluteus_maximus");
  });

  test("a tap on skin between muscles selects nothing and marks nothing", async ({ page }) => {
    await freshStart(page);
    await showView(page, "posterior");
    // Between the two sides of the back, on the spine.
    const p = await atlasToScreen(page, "posterior", 0, 330);
    // On the body's skin and on no muscle (the body's outline is drawn, not hit tested).
    const under = await page.evaluate(({ x, y }) => {
      const body = document.querySelector('figure[data-view="posterior"] path.body');
      const at = new DOMPoint(x, y).matrixTransform(body.getScreenCTM().inverse());
      return { muscle: document.elementFromPoint(x, y)?.getAttribute("data-muscle") ?? null, skin: body.isPointInFill(at) };
    }, p);
    expect(under).toEqual({ muscle: null, skin: true });
    await page.touchscreen.tap(p.x, p.y);
    await expect(page.locator("[data-trp]")).toHaveCount(0);
    await expect(page.locator(".selected")).toHaveCount(0);
  });

  test("the review page shows every muscle in turn with its name", async ({ page }) => {
    await page.goto("/#/atlas");
    const name = page.locator(".review-name");
    await expect(name).toBeVisible();
    const seen = new Set();
    const total = Number((await page.locator(".review-meta").textContent()).match(/of (\d+)/)[1]);
    expect(total).toBeGreaterThanOrEqual(REQUIRED.length);
    for (let i = 0; i < total; i++) {
      const id = await name.getAttribute("data-review-muscle");
      seen.add(id);
      // Highlighted on both sides.
      expect(await page.locator(".sel-muscle").count(), id).toBeGreaterThanOrEqual(2);
      await page.getByRole("button", { name: "Next" }).tap();
    }
    for (const id of REQUIRED) expect(seen.has(id), id).toBe(true);
    await expect(name).toHaveAttribute("data-review-muscle", "upper_trapezius");
    await page.getByRole("link", { name: "Back to the map" }).tap();
    await expect(page.locator(".workspace")).toBeVisible();
  });
});
