// Nothing leaves the device: the page requests only its own files, and the
// Content-Security-Policy refuses anything else even if code tried.
import { test, expect } from "@playwright/test";
import { freshStart, tapMuscle, startVisit } from "./helpers.js";

test("the page only ever requests its own origin", async ({ page, baseURL }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await freshStart(page);
  await startVisit(page);
  await tapMuscle(page, "posterior", "upper_trapezius", "right");
  await page.getByRole("button", { name: "Start timer" }).tap();
  await expect(page.locator("[data-timer]")).toHaveCount(1);
  await page.reload();
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  expect(requests.length).toBeGreaterThan(3);
  const foreign = requests.filter((u) => !u.startsWith(baseURL) && !u.startsWith("data:"));
  expect(foreign).toEqual([]);
});

test("the Content-Security-Policy blocks requests to any other origin", async ({ page }) => {
  await freshStart(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain("unsafe-inline");
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
    let fetched = "allowed";
    try {
      await fetch("http://127.0.0.2:9/collect", { method: "POST", body: "x" });
    } catch {
      fetched = "blocked";
    }
    const img = new Image();
    img.src = "http://127.0.0.2:9/pixel.png";
    await new Promise((r) => setTimeout(r, 300));
    return { fetched, violations };
  });
  expect(outcome.fetched).toBe("blocked");
  expect(outcome.violations).toContain("connect-src");
  expect(outcome.violations).toContain("img-src");
});

test("Myomap's own views keep to the policy: charting, selecting and the patient view break none of it", async ({ page }) => {
  // Collected from the first script on every load (start-up and its rehearsal included).
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.sample}`));
  });
  await freshStart(page);
  // A point whose referral zones are drawn in its own view grow out of it (a style the policy
  // allows only through the style object); another muscle; the first point again.
  const chest = await tapMuscle(page, "anterior", "pectoralis_major", "left");
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  await expect(page.locator("g.referral")).toHaveCount(1);
  await expect.poll(() => page.locator("g.referral").evaluate((g) => g.style.transformOrigin)).toMatch(/px/);
  await page.waitForTimeout(400);
  await tapMuscle(page, "anterior", "rectus_abdominis", "right");
  await expect(page.locator("[data-trp]")).toHaveCount(2);
  await page.waitForTimeout(400);
  await page.touchscreen.tap(chest.x, chest.y);
  await expect(page.locator("[data-selected-trp]")).toHaveAttribute("data-selected-trp", "1");
  await page.getByRole("button", { name: "Patient view" }).tap();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});
