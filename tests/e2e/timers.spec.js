// Needle timers with a fake clock: several at once, soonest first, overdue counting past due,
// the alarm banner naming the needle, the page title, the ring on the map, +1/+5, needle out,
// and a reload mid-run.
import { test, expect } from "@playwright/test";
import { freshStart, startNeedle, startVisit, tapMuscle, timerButton } from "./helpers.js";

test.use({ reducedMotion: "reduce" });

test("three timers, overdue alarm with banner, title and ring, acknowledge, +5 min, needle out, reload", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
  await freshStart(page);
  await startVisit(page);
  await startNeedle(page, "posterior", "upper_trapezius", "right", 5);
  await startNeedle(page, "posterior", "gluteus_medius", "left", 10);
  await startNeedle(page, "posterior", "infraspinatus", "left", 15);
  const timers = page.locator("[data-timer]");
  await expect(timers).toHaveCount(3);
  // Soonest first.
  await expect(timers.nth(0).locator(".timer-label")).toHaveText("Upper trapezius · Right");
  await expect(timers.nth(2).locator(".timer-label")).toHaveText("Infraspinatus · Left");
  await expect(page.locator("[data-timer-ring]")).toHaveCount(3);
  await expect(page).toHaveTitle(/^0[45]:\d\d Upper trapezius · Right · Myomap$/);

  await page.clock.fastForward("06:00");
  const first = timers.nth(0);
  await expect(first).toHaveAttribute("data-state", "overdue");
  await expect(first.locator(".timer-time")).toHaveText(/^-0[01]:\d\d$/);
  await expect(timers.nth(1)).toHaveAttribute("data-state", "running");
  const banner = page.locator("[data-alarm]");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("Upper trapezius · Right");
  await expect(page.locator("[data-timer-ring].alarming")).toHaveCount(1);
  await expect(page).toHaveTitle(/^-0[01]:\d\d Upper trapezius/);

  await banner.getByRole("button", { name: "Acknowledge" }).tap();
  await expect(banner).toHaveCount(0);
  await expect(first).toHaveAttribute("data-state", "overdue");

  // +5 min brings it back to counting down.
  await (await timerButton(first, "+5 min")).tap();
  await expect(page.locator('[data-timer][data-state="running"]')).toHaveCount(3);

  // A reload mid-run restores every timer with the right time.
  const seconds = (t) => {
    const [m, s] = t.replace("-", "").split(":").map(Number);
    return (t.startsWith("-") ? -1 : 1) * (m * 60 + s);
  };
  const before = (await page.locator("[data-timer] .timer-time").allTextContents()).map(seconds);
  await page.reload();
  await expect(page.locator("[data-timer]")).toHaveCount(3);
  const after = (await page.locator("[data-timer] .timer-time").allTextContents()).map(seconds);
  // The same times, give or take the real seconds the reload itself takes.
  after.forEach((s, i) => expect(Math.abs(s - before[i]), `timer ${i}`).toBeLessThanOrEqual(3));

  // Timers that finished while the page was closed come back overdue, alarming.
  await page.clock.fastForward("20:00");
  await page.reload();
  await expect(page.locator('[data-timer][data-state="overdue"]')).toHaveCount(3);
  await expect(page.locator("[data-alarm-timer]")).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await page.locator("[data-alarm]").getByRole("button", { name: "Needle out" }).first().tap();
  }
  await expect(page.locator("[data-timer]")).toHaveCount(0);
  await expect(page.locator("[data-alarm]")).toHaveCount(0);
  await expect(page).toHaveTitle("Myomap");
});

test("+1 min adds a minute; a custom time can be chosen", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
  await freshStart(page);
  await startVisit(page);
  await tapMuscle(page, "anterior", "tibialis_anterior", "right");
  await page.getByLabel("Custom minutes").fill("7");
  await page.getByLabel("Custom minutes").press("Enter");
  await page.getByRole("button", { name: "Start timer" }).tap();
  const t = page.locator("[data-timer]");
  await expect(t.locator(".timer-time")).toHaveText("07:00");
  await (await timerButton(t, "+1 min")).tap();
  await expect(t.locator(".timer-time")).toHaveText("08:00");
});

test("start-up shows the app with its map, the header's tools next, and with needles in, their timers at once", async ({ page }) => {
  await freshStart(page);
  // What the page holds when the app is built but not shown, and when it shows.
  await page.addInitScript(() => {
    window.__startup = [];
    document.addEventListener("DOMContentLoaded", () => {
      new MutationObserver(() => {
        const root = document.documentElement;
        const app = [...document.body.children].filter((e) => e.id !== "boot" && e.tagName !== "SCRIPT");
        window.__startup.push({
          starting: root.hasAttribute("data-starting"),
          appLaidOut: app.some((e) => getComputedStyle(e).display !== "none"),
          boot: !!document.getElementById("boot"),
          map: document.querySelectorAll("[data-muscle]").length > 0,
          tools: document.querySelectorAll(".topbar button, .topbar input").length,
          timers: document.querySelectorAll("[data-timer]").length,
          list: !!document.querySelector(".trp-list"),
        });
      }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-starting"] });
    });
  });
  const startup = async () => {
    await page.reload();
    await expect(page.locator("[data-muscle]").first()).toBeAttached();
    await expect(page.locator("#boot")).toHaveCount(0);
    return page.evaluate(() => window.__startup);
  };
  // No needle in: the start-up screen stays until the map is in, and the app shows with it;
  // the header's patient, search and tools follow the map, and the list follows them.
  const quiet = await startup();
  expect(quiet).toEqual([
    { starting: true, appLaidOut: false, boot: true, map: false, tools: 0, timers: 0, list: false },
    { starting: false, appLaidOut: true, boot: false, map: true, tools: 0, timers: 0, list: false },
  ]);
  await expect(page.getByRole("searchbox", { name: "Find a muscle" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Patient view" })).toBeVisible();
  await expect(page.locator(".trp-list")).toBeAttached();
  // A needle in: its timer shows with the map, in the same frame.
  await startVisit(page);
  await startNeedle(page, "posterior", "infraspinatus", "right", 20);
  await expect(page.locator("[data-timer]")).toHaveCount(1);
  const needled = await startup();
  expect(needled[0]).toMatchObject({ starting: true, appLaidOut: false, boot: true });
  expect(needled[1]).toMatchObject({ starting: false, appLaidOut: true, boot: false, map: true, tools: 0, timers: 1 });
});

test("the screen stays on while a timer runs, and the lock is taken again after the browser drops it", async ({ page }) => {
  // A stand-in for the Screen Wake Lock API that records what the app asks of it.
  await page.addInitScript(() => {
    window.__wake = [];
    const api = {
      request: async (type) => {
        window.__wake.push(type);
        const s = new EventTarget();
        s.release = async () => {
          window.__wake.push("release");
          s.dispatchEvent(new Event("release"));
        };
        window.__sentinel = s;
        return s;
      },
    };
    Object.defineProperty(Navigator.prototype, "wakeLock", { get: () => api, configurable: true });
  });
  await freshStart(page);
  await startVisit(page);
  await expect(page.locator("[data-wake-lock]")).toHaveCount(0);
  await tapMuscle(page, "posterior", "infraspinatus", "right");
  await page.getByRole("button", { name: "Start timer" }).tap();
  await expect(page.locator("[data-wake-lock]")).toBeVisible();
  expect(await page.evaluate(() => window.__wake)).toEqual(["screen"]);
  // The browser drops the lock (as when the tablet hides the page): the app asks again.
  await page.evaluate(() => window.__sentinel.dispatchEvent(new Event("release")));
  await expect.poll(() => page.evaluate(() => window.__wake.filter((c) => c === "screen").length)).toBe(2);
  await expect(page.locator("[data-wake-lock]")).toBeVisible();
  // No timer running: the lock is let go.
  await page.locator("[data-timer]").getByRole("button", { name: "Needle out" }).tap();
  await expect(page.locator("[data-wake-lock]")).toHaveCount(0);
  expect(await page.evaluate(() => window.__wake)).toContain("release");
});

test("volume, silent mode and the last needle time are kept on the device", async ({ page }) => {
  await freshStart(page);
  await startVisit(page);
  await tapMuscle(page, "anterior", "tibialis_anterior", "left");
  await page.getByRole("button", { name: "20 min", exact: true }).tap();
  await page.getByRole("button", { name: "Silent" }).tap();
  await page.getByLabel("Alarm volume").fill("0.3");
  await page.reload();
  await expect(page.getByRole("button", { name: "Silent" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Alarm volume")).toHaveValue("0.3");
  await page.locator("[data-trp-row]").first().tap();
  await expect(page.getByRole("button", { name: "20 min", exact: true })).toHaveAttribute("aria-pressed", "true");
});
