// Record fields say exactly what they keep: a refused value is marked, explained and not kept,
// a custom needle time out of range starts no timer, and a long note is kept whole.
import { test, expect } from "@playwright/test";
import { allSaved, freshStart, startVisit, tapMuscle } from "./helpers.js";

test("out-of-range values are refused in the open, and what shows is what is kept", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
  await freshStart(page);
  await startVisit(page);
  await tapMuscle(page, "posterior", "infraspinatus", "right");

  // A custom needle time out of range: no timer starts, with another value or at all.
  const custom = page.getByLabel("Custom minutes");
  await custom.fill("500");
  await expect(custom).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Needle time must be 1 to 120 minutes")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start timer" })).toBeDisabled();
  await custom.fill("12");
  await expect(custom).toHaveAttribute("aria-invalid", "false");
  await page.getByRole("button", { name: "Start timer" }).tap();
  await expect(page.locator("[data-timer] .timer-time")).toHaveText("12:00");

  // A threshold out of range is explained, and the field goes back to what is kept.
  const ppt = page.getByLabel("Pressure-pain threshold (kg/cm²)");
  await ppt.fill("3.5");
  await ppt.press("Enter");
  await ppt.fill("25");
  await ppt.press("Enter");
  await expect(page.locator("[data-rejected]")).toContainText("“25” was not kept");
  await expect(ppt).toHaveValue("3.5");
  await expect(ppt).toHaveAttribute("aria-invalid", "true");

  // A note of 10,000 characters is kept whole, with the limit shown.
  const note = "n".repeat(9990) + " end.";
  await page.getByLabel("Note").fill(note);
  await expect(page.locator(".note-count")).toHaveText("9995 / 10,000 characters");
  await allSaved(page);
  await page.reload();
  await page.locator("[data-trp-row]").first().tap();
  await expect(page.getByLabel("Note")).toHaveValue(note);
  await expect(page.getByLabel("Pressure-pain threshold (kg/cm²)")).toHaveValue("3.5");
});

test("a deleted point comes back from its message with one tap", async ({ page }) => {
  await freshStart(page);
  await tapMuscle(page, "posterior", "infraspinatus", "right");
  const id = await page.locator("[data-selected-trp]").getAttribute("data-selected-trp");
  await page.getByRole("button", { name: "Delete point" }).tap();
  await expect(page.locator("[data-trp]")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo delete" }).tap();
  await expect(page.locator(`[data-trp="${id}"]`)).toHaveCount(1);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await allSaved(page);
  await page.reload();
  await expect(page.locator(`[data-trp="${id}"]`)).toHaveCount(1);
});
