// The treatment screen at a glance: with several needles in, every timer's label, time and
// "Needle out" are on screen at once and not covered, the soonest readable from across the room.
import { test, expect } from "@playwright/test";
import { startWithOldChart } from "./helpers.js";

const SPOTS = [
  ["upper_trapezius", "right", 44, 136], ["levator_scapulae", "left", -30, 120],
  ["infraspinatus", "right", 62, 192], ["infraspinatus", "left", -62, 192],
  ["gluteus_medius", "left", -60, 356], ["gluteus_medius", "right", 60, 356],
  ["levator_scapulae", "right", 30, 120], ["teres_major", "left", -70, 215],
];
const QUESTIONS = ["bleeding", "pregnancy", "needle_fear", "local_infection", "lymphoedema", "metal_allergy",
  "immune_suppression", "pacemaker", "epilepsy"];

/** A chart (as the previous release saved it) with `n` needles in: the second one overdue, the
 * fourth paused, the rest running; with `estim`, an e-stim pair across the first two. */
function chartWith(n, { estim = false } = {}) {
  const now = Date.now();
  const trps = SPOTS.slice(0, n).map(([muscle, side, x, y], i) => ({ id: i + 1, muscle, side, at: { view: "posterior", x, y }, marked_at: now }));
  const timers = trps.map((t, i) => ({
    id: 20 + i, trp: t.id, duration: (10 + i * 2) * 60000,
    banked: i === 3 ? 120000 : 0, running_since: i === 3 ? null : now - 300000 - i * 20000,
    started_at: now - 400000, ended_at: null,
  }));
  timers[1].duration = 240000;
  if (estim) timers.push({ id: 40, trp: 1, duration: 600000, banked: 0, running_since: now - 60000, started_at: now - 60000, ended_at: null, estim: { needles: [20, 21], hz: 2, ma: 4 } });
  const answers = QUESTIONS.map((question) => ({ question, yes: false, answered_at: now - 880000 }));
  return JSON.stringify({ app: "myomap", schema: 1, chart: { trps, timers, next_id: 50, visit: { started_at: now - 900000, screening: { answers } } } });
}

/** For each timer row: whether its label, time and stop button are fully inside the viewport
 * and each is what the page finds at its own centre and corners (nothing covers it), and the
 * height of its digits. */
async function readTimers(page) {
  return page.locator("[data-timer]").evaluateAll((rows) => rows.map((row) => {
    const part = (sel) => {
      const el = row.querySelector(sel);
      const r = el.getBoundingClientRect();
      const inView = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width > 0;
      const probes = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 2, r.top + 2], [r.right - 2, r.top + 2],
        [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
      const uncovered = probes.every(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit != null && (el.contains(hit) || hit.contains(el) || row.contains(hit));
      });
      return { inView, uncovered, height: r.height, font: parseFloat(getComputedStyle(el).fontSize), text: el.textContent };
    };
    return { id: row.dataset.timer, state: row.dataset.state, label: part(".timer-label"), time: part(".timer-time"), out: part(".timer-out") };
  }));
}

/** Whether each part of the visit's line (consent, needles in and out) is fully on screen and
 * what the page finds at its centre and corners (no button squeezes or covers it). */
async function readVisitLine(page) {
  return page.locator(".timer-dock .visit-text > span:not(.visit-started)").evaluateAll((spans) => spans.map((el) => {
    const r = el.getBoundingClientRect();
    const inView = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width > 0;
    const probes = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 1, r.top + 2], [r.right - 1, r.top + 2],
      [r.left + 1, r.bottom - 2], [r.right - 1, r.bottom - 2]];
    const uncovered = probes.every(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit != null && (el.contains(hit) || hit.contains(el));
    });
    return { text: el.textContent, inView, uncovered };
  }));
}

async function dismiss(page) {
  const b = page.getByRole("button", { name: "Dismiss message" });
  if (await b.isVisible()) await b.tap();
}

for (const [n, estim] of [[3, false], [6, false], [6, true], [8, false]]) {
  test(`${n} needles in${estim ? " and an e-stim pair" : ""}: every timer readable and in reach at once`, async ({ page }) => {
    await startWithOldChart(page, chartWith(n, { estim }));
    await dismiss(page);
    const rows = estim ? n + 1 : n;
    await expect(page.locator("[data-timer]")).toHaveCount(rows);
    // The overdue needle rings: its banner is part of the screen being checked.
    await expect(page.locator("[data-alarm]")).toBeVisible();
    const timers = await readTimers(page);
    expect(timers).toHaveLength(rows);
    timers.forEach((t, i) => {
      for (const part of ["label", "time", "out"]) {
        expect(t[part].inView, `timer ${t.id} ${part} inside the viewport`).toBe(true);
        expect(t[part].uncovered, `timer ${t.id} ${part} not covered`).toBe(true);
      }
      // Digits readable from 2 m: the soonest (first) at least 48 px, the others at least 32.
      const min = i === 0 ? 48 : 32;
      expect(t.time.font, `timer ${t.id} digits`).toBeGreaterThanOrEqual(min);
      expect(t.time.height, `timer ${t.id} digits' box`).toBeGreaterThanOrEqual(min);
      expect(t.out.height).toBeGreaterThanOrEqual(44);
    });
    expect(timers[0].out.text).toMatch(/Needle out|Stop e-stim/);
    // The visit's line stays whole beside its buttons: consent, and needles in and out.
    const line = await readVisitLine(page);
    expect(line.map((p) => p.text)).toEqual(["No consent yet", `${n} in · 0 out`]);
    for (const p of line) {
      expect(p.inView, `"${p.text}" inside the viewport`).toBe(true);
      expect(p.uncovered, `"${p.text}" not covered`).toBe(true);
    }
    // State in words, not colour alone: overdue and paused say so; a running needle does not.
    const overdue = page.locator('[data-timer][data-state="overdue"]');
    await expect(overdue).toHaveCount(1);
    await expect(overdue.locator(".timer-badge")).toHaveText("Overdue");
    await expect(overdue.locator(".timer-time")).toHaveText(/^-\d\d:\d\d$/);
    const paused = page.locator('[data-timer][data-state="paused"]');
    await expect(paused).toHaveCount(n >= 4 ? 1 : 0);
    if (n >= 4) await expect(paused.locator(".timer-badge")).toHaveText("Paused");
    await expect(page.locator('[data-timer][data-state="running"] .timer-badge')).toHaveCount(0);
  });
}

test("a timer row's extra controls open in place and stay on screen", async ({ page }) => {
  await startWithOldChart(page, chartWith(8));
  await dismiss(page);
  const last = page.locator("[data-timer]").last();
  await expect(last.getByRole("button", { name: "+5 min" })).toBeHidden();
  await last.locator(".timer-main").tap();
  await expect(last.locator(".timer-main")).toHaveAttribute("aria-expanded", "true");
  for (const name of ["+1 min", "+5 min", "Needle out"]) {
    const box = await last.getByRole("button", { name }).boundingBox();
    expect(box.y + box.height, `${name} within the screen`).toBeLessThanOrEqual(page.viewportSize().height);
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
  const before = await last.locator(".timer-time").textContent();
  await last.getByRole("button", { name: "+5 min" }).tap();
  await expect(last.locator(".timer-time")).not.toHaveText(before);
  // One row open at a time: opening another closes this one.
  await page.locator("[data-timer]").first().locator(".timer-main").tap();
  await expect(last.locator(".timer-main")).toHaveAttribute("aria-expanded", "false");
});
