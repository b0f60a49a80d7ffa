// Two tabs on one tablet never lose each other's changes: one leads, the other says Myomap is
// open elsewhere and offers to use it there, and the first then steps aside.
import { test, expect } from "@playwright/test";
import { freshStart, tapMuscle } from "./helpers.js";

test("a second tab steps aside until asked, then takes over with every change", async ({ page, context }) => {
  await freshStart(page);
  await tapMuscle(page, "posterior", "infraspinatus", "right");
  await expect(page.locator("[data-trp]")).toHaveCount(1);

  const second = await context.newPage();
  await second.goto("/");
  const elsewhere = second.locator("[data-elsewhere]");
  await expect(elsewhere).toContainText("open in another tab");
  // No patient data in a tab that does not lead.
  await expect(second.locator("[data-trp], [data-current-patient]")).toHaveCount(0);

  await second.getByRole("button", { name: "Use Myomap here" }).tap();
  await expect(second.locator("[data-trp]")).toHaveCount(1);
  await expect(second.locator("[data-elsewhere]")).toHaveCount(0);
  // The first tab has stepped aside and writes nothing more.
  await expect(page.locator("[data-elsewhere]")).toBeVisible();

  await tapMuscle(second, "posterior", "gluteus_medius", "left");
  await expect(second.locator("[data-trp]")).toHaveCount(2);

  // And back: the first tab takes over again and sees the second tab's change.
  await page.bringToFront();
  await page.getByRole("button", { name: "Use Myomap here" }).tap();
  await expect(page.locator("[data-elsewhere]")).toHaveCount(0);
  await expect(page.locator("[data-trp]")).toHaveCount(2);
  await expect(second.locator("[data-elsewhere]")).toBeVisible();
});
