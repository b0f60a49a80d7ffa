// Accessibility audit (axe-core) of every view: fails on serious or critical violations.
import { test, expect } from "@playwright/test";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { answerScreening, freshStart, showView, startWithOldChart, tapMuscle, timerButton } from "./helpers.js";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

async function audit(page, what) {
  // Injected through the test driver, not the page: the page's CSP allows no foreign script.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad, `${what}: ${JSON.stringify(bad, null, 1)}`).toEqual([]);
}

test("every view passes the audit", async ({ page }) => {
  await freshStart(page);
  await audit(page, "empty map");
  await tapMuscle(page, "posterior", "upper_trapezius", "left");
  // The first needle waits for the visit's screening, which opens by itself.
  await page.getByRole("button", { name: "Start timer" }).tap();
  const q = page.locator('[data-question="metal_allergy"]');
  await q.getByRole("button", { name: "Yes", exact: true }).tap();
  await audit(page, "screening checklist with a yes");
  await answerScreening(page, { yes: ["metal_allergy"] });
  await expect(page.locator("[data-timer]")).toHaveCount(1);
  await audit(page, "selection with a running timer");
  await (await timerButton(page.locator("[data-timer]"), "Pause")).tap();
  await audit(page, "paused timer");
  await page.getByRole("button", { name: "End visit" }).tap();
  await expect(page.locator('[data-dialog="end-visit"]')).toBeVisible();
  await audit(page, "needles-in confirmation");
  await page.getByRole("button", { name: "Keep the visit open" }).tap();
  await page.getByRole("button", { name: /Deep/ }).tap();
  await audit(page, "deep layer");
  await showView(page, "anterior");
  await audit(page, "front view");
  await page.getByRole("button", { name: "Show all patterns" }).tap();
  await page.getByRole("button", { name: "Zoom in" }).tap();
  await page.getByRole("button", { name: "Zoom in" }).tap();
  await audit(page, "zoomed with labels and all patterns");
  await page.getByRole("button", { name: "Where does it hurt?" }).tap();
  await audit(page, "reverse lookup");
  await page.getByRole("button", { name: "Done" }).tap();
  await page.getByLabel("Find a muscle").fill("glut");
  await audit(page, "search results");
  await page.getByLabel("Find a muscle").fill("");
  await page.goto("/#/atlas");
  await expect(page.locator(".review-name")).toBeVisible();
  await audit(page, "atlas review");
  await startWithOldChart(page, "{");
  await expect(page.getByRole("alert")).toBeVisible();
  await audit(page, "storage message");
});

test("the patient screens pass the audit", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-12T09:00:00Z") });
  await freshStart(page);
  await tapMuscle(page, "posterior", "infraspinatus", "right");
  await page.getByRole("button", { name: "End visit" }).tap();
  await page.locator('[data-dialog="end-visit"]').getByRole("button", { name: "End visit now" }).tap();
  await page.getByRole("button", { name: "Patients", exact: true }).tap();
  await expect(page.locator("[data-patient]")).toHaveCount(1);
  await expect(page.locator("[data-storage-persistent]")).toBeAttached();
  await audit(page, "patient list");
  await page.getByRole("button", { name: "New patient" }).tap();
  await audit(page, "new patient form");
  await page.getByRole("button", { name: "Create" }).tap();
  await expect(page.locator(".form-error")).toBeVisible();
  await audit(page, "new patient form with an error");
  await page.getByRole("button", { name: "Cancel" }).tap();
  await page.getByRole("button", { name: "Close" }).tap();
  await page.locator("[data-current-patient]").tap();
  await page.getByRole("button", { name: "Delete patient…" }).tap();
  await audit(page, "patient file with history and delete");
  await page.locator('[data-dialog="patient-file"] [data-visit]').tap();
  await expect(page.locator("[data-past-visit]")).toBeVisible();
  await audit(page, "a past visit, read only");
  await page.getByRole("button", { name: "Amend" }).tap();
  await audit(page, "amendment form");
});

test("the patient view passes the audit on every page, in English and Spanish", async ({ page }) => {
  await freshStart(page);
  await tapMuscle(page, "posterior", "upper_trapezius", "right");
  await page.waitForTimeout(400);
  await page.getByRole("button", { name: "Patient view" }).tap();
  for (const lang of ["English", "Español"]) {
    await page.getByRole("button", { name: lang }).tap();
    await expect(page.getByRole("button", { name: lang })).toHaveAttribute("aria-pressed", "true");
    for (let n = 1; ; n++) {
      const story = await page.locator(".pv-side h2").getAttribute("data-story");
      if (story === "elsewhere") await page.locator(".pv-point").first().tap();
      await audit(page, `patient view (${lang}), page ${n}: ${story}`);
      const next = page.locator(".pv-side .pv-step.btn-primary");
      if (await next.isDisabled()) break;
      await next.tap();
    }
    await page.locator(".pv-side .pv-step").first().tap();
  }
  // Every control of the patient view is at least 44 px each way.
  const small = await page.locator("[data-act], .pv-side button").evaluateAll((els) =>
    els.filter((e) => e.offsetParent).map((e) => e.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length,
  );
  expect(small).toBe(0);
});

test("the report, the progress, the clinic's details and the backup pass the audit", async ({ page }) => {
  const { history, startWithRecords } = await import("./history.js");
  await startWithRecords(page, history().records);
  await page.getByRole("button", { name: "Report", exact: true }).tap();
  await expect(page.locator("#record-out .rp-doc")).toBeVisible();
  await audit(page, "visit report");
  await page.getByRole("button", { name: "Progress" }).tap();
  await expect(page.locator("#record-out .rp-compare")).toBeVisible();
  await audit(page, "progress");
  // Every control of the report screen is a touch target of at least 44 px.
  for (const b of await page.locator("#record-out button:visible, #record-out select").all()) {
    const box = await b.boundingBox();
    expect(box.height, await b.innerText()).toBeGreaterThanOrEqual(44);
  }
  await page.getByRole("button", { name: "Close" }).tap();
  await page.getByRole("button", { name: "Patients" }).tap();
  await page.getByRole("button", { name: "Clinic details" }).tap();
  await expect(page.locator("#clinic-dialog")).toBeVisible();
  await audit(page, "clinic details");
  await page.locator("#clinic-dialog").getByRole("button", { name: "Cancel" }).tap();
  await page.getByRole("button", { name: "Backup and restore" }).tap();
  await expect(page.locator("#backup-dialog")).toBeVisible();
  await page.getByRole("button", { name: "Export without a passphrase…" }).tap();
  await audit(page, "backup and restore");
});

test("the lock screen after a reload, with its needle board, passes the audit", async ({ page }) => {
  const { setPassphrase, startNeedle, startVisit } = await import("./helpers.js");
  await freshStart(page);
  await startVisit(page);
  await startNeedle(page, "posterior", "upper_trapezius", "right", 10);
  await startNeedle(page, "posterior", "infraspinatus", "left", 20);
  await setPassphrase(page);
  await page.reload();
  await expect(page.locator("#lock-screen [data-timer]")).toHaveCount(2);
  await audit(page, "lock screen after a reload");
  for (const b of await page.locator("#lock-screen button:visible").all()) {
    const box = await b.boundingBox();
    expect(box.height, await b.innerText()).toBeGreaterThanOrEqual(44);
  }
});
