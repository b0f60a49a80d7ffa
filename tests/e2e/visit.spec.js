// The visit: screening before the first needle, the needle ledger and the confirmation that
// lists every needle still in, e-stim pairs (refused across the spine, blocked by screening),
// and notifications while the page is hidden.
import { test, expect } from "@playwright/test";
import { allSaved, freshStart, giveConsent, savedChart, startNeedle, startVisit, tapMuscle } from "./helpers.js";

test.use({ reducedMotion: "reduce" });

test("the first needle waits for the screening; a yes shows its meaning and needs a confirmation; answers are saved", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
  await freshStart(page);
  await expect(page.locator("[data-visit]")).toHaveAttribute("data-visit", "none");
  await tapMuscle(page, "posterior", "infraspinatus", "right");
  await page.getByRole("button", { name: "Start timer" }).tap();
  // No needle yet: the visit starts and asks its screening first.
  const dialog = page.locator('[data-dialog="screening"]');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(page.locator("[data-timer]")).toHaveCount(0);
  await expect(page.locator("[data-visit]")).toHaveAttribute("data-visit", "open");

  const bleeding = dialog.locator('[data-question="bleeding"]');
  await bleeding.getByRole("button", { name: "Yes", exact: true }).tap();
  await expect(bleeding).toContainText("avoid deep muscles that cannot be compressed");
  await expect(bleeding).toHaveAttribute("data-answer", "yes");
  for (const q of await dialog.locator("[data-question]").all()) {
    if ((await q.getAttribute("data-question")) !== "bleeding") {
      await q.getByRole("button", { name: "No", exact: true }).tap();
    }
  }
  // An unconfirmed yes still holds the needle back.
  await expect(dialog.locator("[data-screening]")).toHaveAttribute("data-screening", "incomplete");
  await expect(dialog.locator("[data-screening]")).toContainText("bleeding");
  await bleeding.getByRole("button", { name: "Confirm and go on" }).tap();
  await expect(bleeding).toHaveAttribute("data-answer", "confirmed");
  // Screened, the needle still waits for the patient's consent.
  await expect(dialog.locator("[data-screening]")).toHaveAttribute("data-screening", "consent");
  await expect(dialog.locator("[data-screening]")).toContainText("consent is not recorded");
  await expect(dialog).not.toContainText("starts the 15 min timer");
  await giveConsent(page);
  await expect(dialog.locator("[data-screening]")).toHaveAttribute("data-screening", "ready");
  await expect(dialog).toContainText("starts the 15 min timer for Infraspinatus · Right");
  await dialog.getByRole("button", { name: "Done" }).tap();
  // The needle asked for goes in as soon as the screening allows it.
  await expect(page.locator("[data-timer]")).toHaveCount(1);
  await expect(page.locator("[data-needles-in]")).toHaveAttribute("data-needles-in", "1");

  // The answers are part of the visit and survive a reload.
  await page.reload();
  await page.getByRole("button", { name: "Screening" }).tap();
  await expect(dialog.locator('[data-question="bleeding"]')).toHaveAttribute("data-answer", "confirmed");
  await expect(dialog.locator('[data-question="epilepsy"]')).toHaveAttribute("data-answer", "no");
  await expect(dialog.locator('[data-question="bleeding"]')).toContainText("Confirmed at");
});

test("a visit with needles in ends only through a confirmation that lists each needle; Remove all records them out", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
  await freshStart(page);
  await startVisit(page);
  await startNeedle(page, "posterior", "upper_trapezius", "right");
  await startNeedle(page, "posterior", "gluteus_medius", "left");
  await tapMuscle(page, "posterior", "infraspinatus", "left");
  await page.getByRole("button", { name: "Start timer" }).tap();
  await page.locator('[data-timer]:has-text("Infraspinatus")').getByRole("button", { name: "Needle out" }).tap();
  await expect(page.locator(".ledger")).toHaveText("3 in · 1 out");

  await page.getByRole("button", { name: "End visit" }).tap();
  const confirm = page.locator('[data-dialog="end-visit"]');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("heading", { level: 2 })).toHaveText("2 needles are still in");
  await expect(confirm.getByRole("heading", { level: 2 })).toBeFocused();
  const rows = confirm.locator("[data-needle]");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Upper trapezius · Right");
  await expect(rows.nth(1)).toContainText("Gluteus medius · Left");
  await expect(rows.nth(0)).toContainText(/in since \d\d:\d\d/);

  // Backing out keeps the visit and every needle as they were.
  await confirm.getByRole("button", { name: "Keep the visit open" }).tap();
  await expect(confirm).toHaveCount(0);
  await expect(page.locator("[data-visit]")).toHaveAttribute("data-visit", "open");
  await expect(page.locator("[data-timer]")).toHaveCount(2);

  // The confirmation also survives a reload: nothing about the needles is forgotten.
  await page.reload();
  await page.getByRole("button", { name: "End visit" }).tap();
  // Adverse events are noted with the visit (and can be taken back).
  const events = confirm.getByRole("group", { name: "Adverse events of this visit" });
  await events.getByRole("button", { name: "Bruising" }).tap();
  await events.getByRole("button", { name: "Pain after" }).tap();
  await events.getByRole("button", { name: "Pain after" }).tap();
  await expect(events.getByRole("button", { name: "Bruising" })).toHaveAttribute("aria-pressed", "true");
  await confirm.getByRole("button", { name: "Remove all" }).tap();
  await expect(confirm).toHaveCount(0);
  await expect(page.locator("[data-visit]")).toHaveAttribute("data-visit", "none");
  await expect(page.locator("[data-timer]")).toHaveCount(0);
  await expect(page.locator(".visit-bar")).toContainText("3 needles in, all out. Noted: Bruising.");
  const saved = await savedChart(page);
  expect(saved.open.visit).toBeUndefined();
  expect(saved.visits).toHaveLength(1);
  expect(saved.visits[0].timers.every((t) => t.ended_at)).toBe(true);
  expect(saved.visits[0].screening.answers).toHaveLength(9);
  expect(saved.visits[0].adverse).toEqual(["bruising"]);
});

test("a visit with every needle out ends after one confirmation", async ({ page }) => {
  await freshStart(page);
  await startVisit(page);
  await page.getByRole("button", { name: "End visit" }).tap();
  const confirm = page.locator('[data-dialog="end-visit"]');
  await expect(confirm.getByRole("heading", { level: 2 })).toHaveText("End the visit");
  await expect(confirm.getByRole("button", { name: "Remove all" })).toHaveCount(0);
  await confirm.getByRole("button", { name: "End visit now" }).tap();
  await expect(page.locator("[data-visit]")).toHaveAttribute("data-visit", "none");
  await expect(page.locator(".visit-bar")).toContainText(": no needle. No adverse event.");
  // Kept once the header says so (a reload before the database reports back may lose it).
  await allSaved(page);
  await page.reload();
  await expect(page.locator(".visit-bar")).toContainText("Last visit");
});

test("an e-stim pair across the spine is refused with the reason; a pair on one side runs with its own timer", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
  await freshStart(page);
  await startVisit(page);
  await startNeedle(page, "posterior", "infraspinatus", "left");
  await startNeedle(page, "posterior", "infraspinatus", "right");
  await startNeedle(page, "posterior", "upper_trapezius", "right");

  // Right infraspinatus selected: pair it with the left one, across the spine.
  await page.locator("[data-trp-row]").filter({ hasText: "Infraspinatus" }).filter({ hasText: "Right" }).tap();
  const estim = page.getByRole("region", { name: "E-stim" });
  await expect(estim).toBeVisible();
  await estim.getByRole("button", { name: "Pair with Infraspinatus · Left" }).tap();
  await estim.getByLabel("Intensity (mA)").fill("4");
  await estim.getByRole("button", { name: "Start e-stim" }).tap();
  const refusal = estim.locator("[data-estim-refusal]");
  await expect(refusal).toContainText("cross the spine");
  await expect(page.locator('[data-timer][data-kind="estim"]')).toHaveCount(0);

  // The same needle with the upper trapezius on the same side is allowed.
  await estim.getByRole("button", { name: "Pair with Upper trapezius · Right" }).tap();
  await expect(refusal).toHaveCount(0);
  await estim.getByLabel("Frequency (Hz)").fill("80");
  await estim.getByRole("button", { name: "Start e-stim" }).tap();
  const pair = page.locator('[data-timer][data-kind="estim"]');
  await expect(pair).toHaveCount(1);
  await expect(pair.locator(".timer-time")).toHaveText("10:00");
  await expect(pair).toContainText("E-stim: Infraspinatus · Right + Upper trapezius · Right");
  await expect(pair).toContainText("80 Hz · 4 mA");
  await expect(estim).toContainText("Running: E-stim");
  // Taking one of its needles out stops the current too.
  await page.locator('[data-timer][data-kind="needle"]:has-text("Upper trapezius")').getByRole("button", { name: "Needle out" }).tap();
  await expect(pair).toHaveCount(0);
  await expect(page.locator(".ledger")).toHaveText("3 in · 1 out");
});

test("a pacemaker in the screening blocks e-stim with a clear message", async ({ page }) => {
  await freshStart(page);
  await startVisit(page, { yes: ["pacemaker"] });
  await startNeedle(page, "posterior", "gluteus_medius", "right");
  await startNeedle(page, "posterior", "gluteus_maximus", "right");
  const estim = page.getByRole("region", { name: "E-stim" });
  await estim.getByRole("button", { name: "Pair with Gluteus medius · Right" }).tap();
  await estim.getByLabel("Intensity (mA)").fill("3");
  await estim.getByRole("button", { name: "Start e-stim" }).tap();
  await expect(estim.locator("[data-estim-refusal]")).toContainText(
    "e-stim is not allowed in this visit: the patient answered yes to pacemaker or implant",
  );
  await expect(page.locator('[data-timer][data-kind="estim"]')).toHaveCount(0);
});

test("notifications are asked for only on a tap, and shown for a due timer while the page is hidden", async ({ page }) => {
  // A stand-in for the Notification API that records what the app asks of it, and a page
  // that can be told it is hidden.
  await page.addInitScript(() => {
    window.__asked = 0;
    window.__shown = [];
    window.__hidden = false;
    class FakeNotification {
      constructor(title, opts) {
        window.__shown.push({ title, tag: opts && opts.tag });
      }
      static requestPermission() {
        window.__asked += 1;
        FakeNotification.permission = "granted";
        return Promise.resolve("granted");
      }
    }
    FakeNotification.permission = "default";
    window.Notification = FakeNotification;
    Object.defineProperty(Document.prototype, "hidden", { get: () => window.__hidden, configurable: true });
  });
  await page.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
  await freshStart(page);
  expect(await page.evaluate(() => window.__asked)).toBe(0);
  await startVisit(page);
  await startNeedle(page, "posterior", "gluteus_medius", "left", 5);
  const notify = page.getByRole("button", { name: "Notify" });
  await notify.tap();
  await expect(notify).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => window.__asked)).toBe(1);

  await page.evaluate(() => { window.__hidden = true; });
  await page.clock.fastForward("05:30");
  await expect.poll(() => page.evaluate(() => window.__shown.length)).toBe(1);
  const shown = await page.evaluate(() => window.__shown[0]);
  expect(shown.title).toContain("Needle time is up: Gluteus medius · Left");
  // Once per alarm, not once per tick.
  await page.clock.fastForward("00:05");
  expect(await page.evaluate(() => window.__shown.length)).toBe(1);
  // Kept on the device.
  await page.reload();
  await expect(page.getByRole("button", { name: "Notify" })).toHaveAttribute("aria-pressed", "true");
});
