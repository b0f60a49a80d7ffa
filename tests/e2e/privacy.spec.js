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
