// Patients and visits: a morning with two patients kept apart, visit history with a read-only
// past visit and amendments, and the previous release's chart carried over with its needle.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { allSaved, freshStart, readDb, savedChart, startWithOldChart, tapMuscle } from "./helpers.js";

test.use({ reducedMotion: "reduce" });

async function newPatient(page, { name, dob = "", record = "" }) {
  await page.getByRole("button", { name: "Patients", exact: true }).tap();
  await page.getByRole("button", { name: "New patient" }).tap();
  await page.getByLabel("Name", { exact: true }).fill(name);
  if (dob) await page.getByLabel("Date of birth").fill(dob);
  if (record) await page.getByLabel("Record number").fill(record);
  await page.getByRole("button", { name: "Create" }).tap();
  await expect(page.locator('[data-dialog="patients"]')).toHaveCount(0);
  await expect(page.locator("[data-current-patient]")).toContainText(name);
}

async function openPatient(page, query, name) {
  await page.getByRole("button", { name: "Patients", exact: true }).tap();
  await page.getByLabel("Search patients by name or record number").fill(query);
  const row = page.locator("[data-patient]", { hasText: name });
  await expect(row).toHaveCount(1);
  await row.tap();
  await expect(page.locator("[data-current-patient]")).toContainText(name);
}

test("two patients in one morning are kept apart, through a reload, and found by search", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-12T09:00:00Z") });
  await freshStart(page);
  await expect(page.locator("[data-current-patient]")).toContainText("Patient 1");
  await tapMuscle(page, "posterior", "infraspinatus", "right");
  await page.getByRole("button", { name: "Pain before: 6" }).tap();
  await expect(page.locator("[data-trp]")).toHaveCount(1);

  // A name is required, and a too-long one is refused with the reason.
  await page.getByRole("button", { name: "Patients", exact: true }).tap();
  await page.getByRole("button", { name: "New patient" }).tap();
  await page.getByRole("button", { name: "Create" }).tap();
  await expect(page.locator('[data-dialog="patients"]')).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("   ");
  await page.getByRole("button", { name: "Create" }).tap();
  await expect(page.locator(".form-error")).toContainText("needs a name");
  await page.getByLabel("Name", { exact: true }).fill("x".repeat(10000));
  await page.getByRole("button", { name: "Create" }).tap();
  await expect(page.locator(".form-error")).toContainText("at most 120 characters");
  await expect(page.locator("[data-current-patient]")).toContainText("Patient 1");
  await page.getByRole("button", { name: "Cancel" }).tap();
  await page.getByRole("button", { name: "Close" }).tap();

  await newPatient(page, { name: "Ana Ruiz", dob: "1980-06-15", record: "MRN-0042" });
  await expect(page.locator("[data-current-patient]")).toContainText("45 y");
  await expect(page.locator("[data-current-patient]")).toContainText("MRN-0042");
  // The second patient inherits nothing of the first.
  await expect(page.locator("[data-trp]")).toHaveCount(0);
  await expect(page.locator(".visit-bar")).toContainText("No visit under way");
  await tapMuscle(page, "anterior", "tibialis_anterior", "left");
  await tapMuscle(page, "anterior", "tibialis_anterior", "right");
  await expect(page.locator("[data-trp]")).toHaveCount(2);

  // A duplicate name is allowed and told apart by its details.
  await newPatient(page, { name: "Ana Ruiz", dob: "1992-01-03" });
  await expect(page.locator("[data-trp]")).toHaveCount(0);

  // Myomap reopens on the patient last open.
  await page.reload();
  await expect(page.locator("[data-current-patient]")).toContainText("1992-01-03");
  await expect(page.locator("[data-trp]")).toHaveCount(0);

  // Search by record number, then by name; each chart is its own.
  await openPatient(page, "0042", "MRN-0042");
  await expect(page.locator("[data-trp]")).toHaveCount(2);
  await expect(page.locator('[data-trp] .trp-nrs')).toHaveCount(0);
  await openPatient(page, "patient", "Patient 1");
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  await expect(page.locator("[data-trp] .trp-nrs")).toHaveText("6");

  // The list: every patient, most recent visit first, each row by its id.
  await page.getByRole("button", { name: "Patients", exact: true }).tap();
  await expect(page.locator("[data-patient]")).toHaveCount(3);
  await page.getByLabel("Search patients by name or record number").fill("ana");
  await expect(page.locator("[data-patient]")).toHaveCount(2);
  await page.getByLabel("Search patients by name or record number").fill("nobody");
  await expect(page.locator("[data-patient]")).toHaveCount(0);
  await expect(page.locator('[data-dialog="patients"]')).toContainText("No patient matches");
});

test("an ended visit is kept as it was: history, a read-only map of that day, amendments", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-12T09:00:00Z") });
  await freshStart(page);
  await tapMuscle(page, "posterior", "infraspinatus", "right");
  const id = await page.locator("[data-selected-trp]").getAttribute("data-selected-trp");
  await page.getByRole("button", { name: "Pain before: 7" }).tap();
  await page.getByLabel("Note").fill("Visit one: lateral arm ache.");
  // Charting started today's visit.
  await expect(page.locator(".visit-bar")).toHaveAttribute("data-visit", "open");
  await page.getByRole("button", { name: "End visit" }).tap();
  await page.getByLabel("Visit notes").fill("Neck better since last week.");
  await page.locator('[data-dialog="end-visit"]').getByRole("button", { name: "End visit now" }).tap();
  await expect(page.locator(".visit-bar")).toContainText("Last visit");
  await expect(page.locator(".visit-bar")).toContainText("12 Mar");
  await allSaved(page);

  // A week later: the point is there, drawn as from the last visit, with blank findings.
  await page.clock.setFixedTime(new Date("2026-03-19T09:00:00Z"));
  await page.reload();
  const marker = page.locator(`[data-trp="${id}"]`);
  await expect(marker).toHaveAttribute("data-carried", "12 Mar");
  await page.locator(`[data-trp-row="${id}"]`).tap();
  await expect(page.locator("[data-carried-note]")).toContainText("12 Mar");
  await expect(page.getByLabel("Note")).toHaveValue("");
  await page.getByRole("button", { name: "Pain before: 3" }).tap();
  await expect(marker).not.toHaveAttribute("data-carried", /.+/);
  await expect(marker.locator(".trp-nrs")).toHaveText("3");

  // The history lists the ended visit; opening it shows that day, read only.
  await page.locator("[data-current-patient]").tap();
  const row = page.locator('[data-dialog="patient-file"] [data-visit]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("12 Mar 2026");
  await expect(row).toContainText("1 point");
  await expect(row).toContainText("pain 7");
  await row.tap();
  const past = page.locator("[data-past-visit]");
  await expect(past).toContainText("Read only");
  await expect(past).toContainText("Notes: Neck better since last week.");
  await expect(marker.locator(".trp-nrs")).toHaveText("7");
  await page.locator(`[data-trp-row="${id}"]`).tap();
  await expect(page.getByLabel("Note")).toHaveValue("Visit one: lateral arm ache.");
  // Nothing changes a past visit on the map.
  await page.getByRole("button", { name: "Pain before: 2" }).tap();
  await expect(page.getByRole("alert")).toContainText("read only");
  await expect(marker.locator(".trp-nrs")).toHaveText("7");
  await page.getByRole("button", { name: "Dismiss message" }).tap();
  // A correction is an amendment; the original stays.
  await past.getByRole("button", { name: "Amend" }).tap();
  await page.getByLabel("What changed").fill("Pain before was 8, not 7.");
  await page.getByLabel("Why").fill("Misheard the patient.");
  await page.getByRole("button", { name: "Save amendment" }).tap();
  await expect(past.locator(".amendment")).toContainText("Pain before was 8, not 7.");
  await expect(marker.locator(".trp-nrs")).toHaveText("7");
  await past.getByRole("button", { name: "Back to today" }).tap();
  await expect(past).toHaveCount(0);
  await expect(marker.locator(".trp-nrs")).toHaveText("3");

  // Both visits' findings are in the database, each as it was.
  const saved = await savedChart(page);
  expect(saved.visits).toHaveLength(1);
  expect(saved.visits[0].points[0].findings.nrs_before).toBe(7);
  expect(saved.visits[0].amendments).toHaveLength(1);
  expect(saved.points[0].findings.nrs_before).toBe(3);
  await page.reload();
  await page.locator("[data-current-patient]").tap();
  await expect(page.locator('[data-dialog="patient-file"] [data-visit]')).toContainText("1 amendment");
});

test("the previous release's chart carries over into Patient 1 with its running needle on time", async ({ page }) => {
  const fixture = readFileSync("tests/fixtures/v1-chart.json", "utf8");
  // Ten minutes after the needle went in (it was set for 15).
  await page.clock.install({ time: 1796202300000 + 10 * 60000 });
  const settings = readFileSync("tests/fixtures/v1-settings.json", "utf8");
  await page.goto("/");
  await page.evaluate((s) => localStorage.setItem("myomap.settings", s), settings);
  await startWithOldChart(page, fixture, { keepSettings: true });
  await expect(page.locator("[data-current-patient]")).toContainText("Patient 1");
  await expect(page.getByRole("alert")).toContainText("Patient 1");
  await expect(page.locator("[data-trp]")).toHaveCount(3);
  const timer = page.locator("[data-timer]");
  await expect(timer).toHaveCount(1);
  await expect(timer).toHaveAttribute("data-state", "running");
  await expect(timer.locator(".timer-time")).toHaveText(/^0?5:0\d$|^04:5\d$/);
  await expect(timer).toContainText("Gluteus medius");
  // With a needle in, no other patient replaces this chart (its timer must stay on screen).
  await page.getByRole("button", { name: "Patients", exact: true }).tap();
  await page.getByRole("button", { name: "New patient" }).tap();
  await page.getByLabel("Name", { exact: true }).fill("Next Patient");
  await page.getByRole("button", { name: "Create" }).tap();
  await expect(page.locator(".form-error")).toContainText("1 needle in");
  await page.getByRole("button", { name: "Cancel" }).tap();
  await page.getByRole("button", { name: "Close" }).tap();
  await expect(page.locator("[data-current-patient]")).toContainText("Patient 1");
  // Notes and findings are those of the visit under way, as they were on screen.
  await page.locator('[data-trp-row="1"]').tap();
  await expect(page.getByLabel("Note")).toHaveValue(/question mark/);
  await expect(page.getByRole("button", { name: "Pain before: 7" })).toHaveAttribute("aria-pressed", "true");
  // The ended visit is in the history with its needles and adverse event.
  await page.locator("[data-current-patient]").tap();
  const row = page.locator('[data-dialog="patient-file"] [data-visit]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("25 Nov 2026");
  await expect(row).toContainText("2 needles in, 2 out");
  // The old key is gone only now that the records are kept; a reload keeps everything.
  expect(await page.evaluate(() => localStorage.getItem("myomap.chart"))).toBeNull();
  // Settings (the last needle time, volume) are the device's and stay as they were.
  expect(await page.evaluate(() => localStorage.getItem("myomap.settings"))).toBe(settings);
  await expect(page.getByRole("button", { name: "20 min", exact: true })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.locator("[data-trp]")).toHaveCount(3);
  await expect(page.locator("[data-timer]")).toHaveCount(1);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("archive hides a patient behind a filter; delete needs the name typed and no visit under way", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-12T09:00:00Z") });
  await freshStart(page);
  await newPatient(page, { name: "Old Case" });
  const file = page.locator('[data-dialog="patient-file"]');
  await page.locator("[data-current-patient]").tap();
  await file.getByRole("button", { name: "Archive" }).tap();
  await expect(file.getByRole("button", { name: "Unarchive" })).toBeVisible();
  await file.getByRole("button", { name: "Close" }).tap();
  await page.getByRole("button", { name: "Patients", exact: true }).tap();
  await expect(page.locator("[data-patient]", { hasText: "Old Case" })).toHaveCount(0);
  await page.getByRole("button", { name: "Show archived" }).tap();
  await expect(page.locator("[data-patient]", { hasText: "Old Case" })).toHaveCount(1);
  await page.getByRole("button", { name: "Close" }).tap();

  // A visit under way keeps the patient.
  await tapMuscle(page, "anterior", "tibialis_anterior", "left");
  await page.locator("[data-current-patient]").tap();
  await file.getByRole("button", { name: "Delete patient…" }).tap();
  await file.getByLabel("Patient's name").fill("Old Case");
  await file.getByRole("button", { name: "Delete for good" }).tap();
  await expect(file.locator(".form-error")).toContainText("visit under way");
  await file.getByRole("button", { name: "Close" }).tap();
  await page.getByRole("button", { name: "End visit" }).tap();
  await page.locator('[data-dialog="end-visit"]').getByRole("button", { name: "End visit now" }).tap();

  // The name must be typed exactly.
  await page.locator("[data-current-patient]").tap();
  await file.getByRole("button", { name: "Delete patient…" }).tap();
  await file.getByLabel("Patient's name").fill("Old");
  await file.getByRole("button", { name: "Delete for good" }).tap();
  await expect(file.locator(".form-error")).toContainText("exactly");
  await file.getByLabel("Patient's name").fill("Old Case");
  await file.getByRole("button", { name: "Delete for good" }).tap();
  await expect(page.getByRole("alert")).toContainText("deleted");
  await expect(page.locator("[data-current-patient]")).toContainText("Patient 1");
  await allSaved(page);
  const keys = Object.keys(await readDb(page));
  expect(keys.filter((k) => k.startsWith("p/")).length).toBe(0);
  expect(keys.filter((k) => k.startsWith("patients/")).length).toBe(1);
});
