// Crowded markers by touch: points charted close together are spread apart so that no marker
// hides another's number, and each one can still be tapped and selected.
import { test, expect } from "@playwright/test";
import { atlasToScreen, showView, startWithOldChart } from "./helpers.js";

test.use({ reducedMotion: "reduce" });

// Six points within a few atlas units of each other on the right gluteus maximus: at rest
// their markers would sit on top of one another.
const CROWD = Array.from({ length: 6 }, (_, i) => ({
  id: i + 1,
  muscle: "gluteus_maximus",
  side: "right",
  at: { view: "posterior", x: 48 + (i % 3) * 3, y: 392 + Math.floor(i / 3) * 3 },
  marked_at: 1,
  findings: { nrs_before: i + 2, ...(i === 4 ? { status: "latent" } : {}) },
}));

/** For every marker: its number, whether the number and the dot are the topmost thing painted
 * at their centres (the map's layers take no pointer events, so hit testing is switched on for
 * the check), and whether they are on screen. */
async function legibility(page) {
  return page.evaluate(() => {
    const overlays = [...document.querySelectorAll(".overlay")];
    overlays.forEach((o) => o.style.setProperty("pointer-events", "visiblePainted"));
    const centre = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    };
    const inView = (p) => p.x >= 0 && p.y >= 0 && p.x <= innerWidth && p.y <= innerHeight;
    const out = [...document.querySelectorAll('figure[data-view="posterior"] [data-trp]')].map((m) => {
      const nrs = m.querySelector(".trp-nrs");
      const dot = m.querySelector(".trp-dot");
      const n = centre(nrs);
      const d = centre(dot);
      const top = (p) => document.elementFromPoint(p.x, p.y);
      return {
        id: m.getAttribute("data-trp"),
        text: nrs.textContent,
        numberOnTop: top(n) === nrs,
        dotOnTop: top(d) === dot || top(d)?.closest("[data-trp]") === m,
        inView: inView(n) && inView(d),
      };
    });
    overlays.forEach((o) => o.style.removeProperty("pointer-events"));
    return out;
  });
}

test("markers charted close together do not hide each other's numbers, and each can be tapped", async ({ page }) => {
  await startWithOldChart(page, JSON.stringify({ app: "myomap", schema: 1, chart: { trps: CROWD, timers: [], next_id: 7 } }));
  await showView(page, "posterior");
  await expect(page.locator('figure[data-view="posterior"] [data-trp]')).toHaveCount(6);

  const seen = await legibility(page);
  expect(seen.map((m) => m.text).sort()).toEqual(["2", "3", "4", "5", "6", "7"]);
  for (const m of seen) {
    expect(m.inView, `marker ${m.id} on screen`).toBe(true);
    expect(m.numberOnTop, `number of marker ${m.id} not covered`).toBe(true);
    expect(m.dotOnTop, `dot of marker ${m.id} not covered`).toBe(true);
  }
  // Moved glyphs keep a line to their true spot.
  await expect(page.locator('figure[data-view="posterior"] .trp-leader').first()).toBeAttached();

  // Every marker is selected by a tap on it, wherever it was moved to; a spread marker owns a
  // finger-sized target (44 px), so a tap 17 px off its dot still selects it.
  for (const [k, m] of seen.entries()) {
    const box = await page.locator(`figure[data-view="posterior"] [data-trp="${m.id}"] .trp-dot`).boundingBox();
    const off = k % 2 ? 12 : 0;
    await page.touchscreen.tap(box.x + box.width / 2 + off, box.y + box.height / 2 + off);
    await expect(page.locator("[data-selected-trp]")).toHaveAttribute("data-selected-trp", m.id);
    await page.waitForTimeout(400); // the next tap is not half of a double tap
  }
  // Tapping them marked nothing new.
  await expect(page.locator("[data-trp]")).toHaveCount(6);
});

test("a spread cluster gathers back onto its spots once zoomed in far enough", async ({ page }) => {
  const apart = CROWD.slice(0, 2).map((t, i) => ({ ...t, at: { ...t.at, x: 40 + i * 20 } }));
  await startWithOldChart(page, JSON.stringify({ app: "myomap", schema: 1, chart: { trps: apart, timers: [], next_id: 3 } }));
  await showView(page, "posterior");
  const leaderLength = () =>
    page.locator('figure[data-view="posterior"] .trp-leader').evaluateAll((ls) =>
      Math.max(...ls.map((l) => Math.hypot(+l.getAttribute("x2"), +l.getAttribute("y2")))),
    );
  await expect.poll(leaderLength).toBeGreaterThan(0);
  for (let i = 0; i < 4; i++) {
    await page.getByRole("button", { name: "Zoom in" }).tap();
    await page.waitForTimeout(150);
  }
  // Twenty atlas units apart are far more than a marker at this zoom: no spread, no leader.
  await expect.poll(leaderLength).toBe(0);
  // Zoomed in, a marker keeps its size on screen, and no part of it has a transform of its own
  // (one per marker would cost every frame of a busy map): the dot is placed and sized by CSS.
  const drawn = await page.locator('figure[data-view="posterior"] [data-trp]').evaluateAll((ms) =>
    ms.map((m) => {
      const dot = m.querySelector(".trp-dot").getBoundingClientRect();
      const moved = [m, ...m.children].filter((e) => !e.matches(".trp-caution") && getComputedStyle(e).transform !== "none");
      return { width: dot.width, moved: moved.length };
    }),
  );
  for (const d of drawn) {
    // r = 5.5 screen pixels (the box leaves out the stroke).
    expect(d.width).toBeGreaterThan(10.5);
    expect(d.width).toBeLessThan(11.5);
    expect(d.moved).toBe(0);
  }
});

test("a crowd on the neck of a small figure is spread on the map, not off its top edge", async ({ page }) => {
  // Eight needles in (the dock then takes its room and the figure is small in portrait), four
  // of them on each side of the neck: their spread glyphs would start above the figure.
  const now = Date.now();
  const spots = [
    ["levator_scapulae", "left", -26, 96], ["levator_scapulae", "left", -30, 104], ["upper_trapezius", "left", -36, 112], ["upper_trapezius", "left", -42, 120],
    ["levator_scapulae", "right", 26, 96], ["levator_scapulae", "right", 30, 104], ["upper_trapezius", "right", 36, 112], ["upper_trapezius", "right", 42, 120],
  ];
  const trps = spots.map(([muscle, side, x, y], i) => ({ id: i + 1, muscle, side, at: { view: "posterior", x, y }, marked_at: now - 600000 }));
  const timers = trps.map((t, i) => ({ id: 20 + i, trp: t.id, duration: 1200000, banked: 0, running_since: now - 60000 * (i + 1), started_at: now - 60000 * (i + 1), ended_at: null }));
  const questions = ["bleeding", "pregnancy", "needle_fear", "local_infection", "lymphoedema", "metal_allergy", "immune_suppression", "pacemaker", "epilepsy"];
  const visit = { started_at: now - 900000, screening: { answers: questions.map((question) => ({ question, yes: false, answered_at: now - 890000 })) } };
  await startWithOldChart(page, JSON.stringify({ app: "myomap", schema: 1, chart: { trps, timers, pain: [], next_id: 40, visit, visits: [] } }));
  await page.getByRole("button", { name: "Dismiss message" }).tap({ timeout: 2000 }).catch(() => {});
  await showView(page, "posterior");
  await expect(page.locator('figure[data-view="posterior"] [data-trp]')).toHaveCount(8);
  await expect(page.locator("[data-timer]")).toHaveCount(8);
  // Glyphs move after the layout settles.
  await page.waitForTimeout(600);
  const outside = await page.evaluate(() => {
    const stage = document.querySelector('figure[data-view="posterior"] .stage').getBoundingClientRect();
    return [...document.querySelectorAll('figure[data-view="posterior"] [data-trp]')]
      .map((m) => ({ id: m.getAttribute("data-trp"), r: m.querySelector(".trp-dot").getBoundingClientRect() }))
      .filter(({ r }) => r.top < stage.top || r.bottom > stage.bottom || r.left < stage.left || r.right > stage.right)
      .map(({ id, r }) => `${id} at ${Math.round(r.left)},${Math.round(r.top)} (stage from ${Math.round(stage.left)},${Math.round(stage.top)})`);
  });
  expect(outside).toEqual([]);
  // They are spread (each with its line to its spot), not left piled on the neck.
  await expect.poll(() => page.locator('figure[data-view="posterior"] .trp-leader.spread').count()).toBeGreaterThan(3);
});

test("a point charted into a crowd is spread with it, and no marker covers another", async ({ page }) => {
  const five = CROWD.slice(0, 5);
  await startWithOldChart(page, JSON.stringify({ app: "myomap", schema: 1, chart: { trps: five, timers: [], next_id: 7 } }));
  await showView(page, "posterior");
  await expect(page.locator('figure[data-view="posterior"] [data-trp]')).toHaveCount(5);
  // A first point, on the other side, starts today's visit and opens its record beside the
  // map: the map's room then stays as it is for the next tap.
  const other = await atlasToScreen(page, "posterior", -51, 394);
  await page.touchscreen.tap(other.x, other.y);
  await expect(page.locator('figure[data-view="posterior"] [data-trp]')).toHaveCount(6);
  await page.waitForTimeout(600);
  // Among the crowd's true spots (their glyphs sit beside them): a tap there charts a point.
  const at = await atlasToScreen(page, "posterior", 51, 394);
  await page.touchscreen.tap(at.x, at.y);
  await expect(page.locator('figure[data-view="posterior"] [data-trp]')).toHaveCount(7);
  const added = await page.locator('figure[data-view="posterior"] [data-trp]').evaluateAll((ms) =>
    String(Math.max(...ms.map((m) => +m.getAttribute("data-trp")))));
  // The new marker shows on its spot in the frame after the tap; the crowd, the new one
  // with it, is spread again straight after.
  const dots = () =>
    page.evaluate(() => {
      const overlays = [...document.querySelectorAll(".overlay")];
      overlays.forEach((o) => o.style.setProperty("pointer-events", "visiblePainted"));
      const out = [...document.querySelectorAll('figure[data-view="posterior"] [data-trp]')].map((m) => {
        const r = m.querySelector(".trp-dot").getBoundingClientRect();
        const c = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        const hit = document.elementFromPoint(c.x, c.y);
        // The selected point's ring is drawn over its marker, wherever the marker is drawn.
        const selected = document.querySelector("[data-selected-trp]")?.getAttribute("data-selected-trp");
        const ring = hit?.closest(".sel-x") && selected === m.getAttribute("data-trp");
        return { id: m.getAttribute("data-trp"), ...c, onTop: hit?.closest("[data-trp]") === m || !!ring };
      });
      overlays.forEach((o) => o.style.removeProperty("pointer-events"));
      return out;
    });
  await expect.poll(async () => (await dots()).filter((d) => !d.onTop).map((d) => d.id)).toEqual([]);
  const mine = (await dots()).find((d) => d.id === added);
  expect(Math.hypot(mine.x - at.x, mine.y - at.y), "the new glyph moved beside its spot").toBeGreaterThan(10);
  await expect(page.locator('figure[data-view="posterior"] .trp-leader.spread')).toHaveCount(6);
});
