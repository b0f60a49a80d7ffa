// Nothing lost: a damaged store is reported and kept aside, never overwritten.
import { test, expect } from "@playwright/test";
import { tapMuscle } from "./helpers.js";

const DAMAGED = '{"app":"myomap","schema":1,"chart":{"trps":[{"id":1,"muscle":"upper_trap';

test("a damaged store is kept aside with a clear message and the app still works", async ({ page }) => {
  await page.goto("/");
  await page.evaluate((raw) => {
    localStorage.clear();
    localStorage.setItem("myomap.chart", raw);
  }, DAMAGED);
  await page.reload();
  const banner = page.getByRole("alert");
  await expect(banner).toContainText("could not be read");
  await expect(banner).toContainText("kept aside");
  const aside = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("myomap.unreadable."))
      .map((k) => localStorage.getItem(k)),
  );
  expect(aside).toEqual([DAMAGED]);

  await page.getByRole("button", { name: "Dismiss message" }).tap();
  await expect(banner).toHaveCount(0);
  await tapMuscle(page, "anterior", "sternocleidomastoid", "left");
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  await page.reload();
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  // The damaged original is still there, untouched, after new work was saved.
  const still = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("myomap.unreadable."))
      .map((k) => localStorage.getItem(k)),
  );
  expect(still).toEqual([DAMAGED]);
});

test("data from a newer Myomap is left untouched and nothing is saved over it", async ({ page }) => {
  const newer = '{"app":"myomap","schema":99,"chart":{"whatever":true}}';
  await page.goto("/");
  await page.evaluate((raw) => {
    localStorage.clear();
    localStorage.setItem("myomap.chart", raw);
  }, newer);
  await page.reload();
  await expect(page.getByRole("alert")).toContainText("newer version");
  await tapMuscle(page, "anterior", "tibialis_anterior", "right");
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem("myomap.chart"))).toBe(newer);
});

test("a full storage quota is reported and the saved chart stays as it was", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await tapMuscle(page, "anterior", "tibialis_anterior", "right");
  const before = await page.evaluate(() => localStorage.getItem("myomap.chart"));
  // Fill the quota so the next write fails.
  await page.evaluate(() => {
    let size = 1024 * 1024;
    let i = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler.${i++}`, "x".repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  await tapMuscle(page, "anterior", "tibialis_anterior", "left");
  await expect(page.getByRole("alert")).toContainText("storage is full");
  expect(await page.evaluate(() => localStorage.getItem("myomap.chart"))).toBe(before);
});
