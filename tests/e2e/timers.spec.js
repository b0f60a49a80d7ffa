// Needle timers with a fake clock: several at once, soonest first, overdue counting past due,
// the alarm banner naming the needle, the page title, the ring on the map, +1/+5, needle out,
// and a reload mid-run.
import { test, expect } from "@playwright/test";
import { freshStart, tapMuscle } from "./helpers.js";

test.use({ reducedMotion: "reduce" });

async function startTimer(page, view, muscle, side, minutes) {
  await tapMuscle(page, view, muscle, side);
  await page.getByRole("button", { name: `${minutes} min`, exact: true }).tap();
  await page.getByRole("button", { name: "Start timer" }).tap();
  await page.waitForTimeout(400); // the next tap elsewhere is not a double tap
}

test("three timers, overdue alarm with banner, title and ring, acknowledge, +5 min, needle out, reload", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
  await freshStart(page);
  await startTimer(page, "posterior", "upper_trapezius", "right", 5);
  await startTimer(page, "posterior", "gluteus_medius", "left", 10);
  await startTimer(page, "posterior", "infraspinatus", "left", 15);
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
  await first.getByRole("button", { name: "+5 min" }).tap();
  await expect(page.locator('[data-timer][data-state="running"]')).toHaveCount(3);

  // A reload mid-run restores every timer with the right time.
  const before = await page.locator("[data-timer] .timer-time").allTextContents();
  await page.reload();
  await expect(page.locator("[data-timer]")).toHaveCount(3);
  expect(await page.locator("[data-timer] .timer-time").allTextContents()).toEqual(before);

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
  await tapMuscle(page, "anterior", "tibialis_anterior", "right");
  await page.getByLabel("Custom minutes").fill("7");
  await page.getByLabel("Custom minutes").press("Enter");
  await page.getByRole("button", { name: "Start timer" }).tap();
  const t = page.locator("[data-timer]");
  await expect(t.locator(".timer-time")).toHaveText("07:00");
  await t.getByRole("button", { name: "+1 min" }).tap();
  await expect(t.locator(".timer-time")).toHaveText("08:00");
});
