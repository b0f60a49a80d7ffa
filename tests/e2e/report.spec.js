// The record out: the visit report on screen and on paper, the exports, the progress across
// visits and the clinic's details, for a patient with three ended visits (the last with 20
// points, each needled).
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { history, startWithRecords, NAME, PID, place } from "./history.js";
import { readDb } from "./helpers.js";

/** The text of a PDF, page by page (pdftotext keeps the layout's lines). */
function pdfPages(pdf, file) {
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
  return text.split("\f").filter((p) => p.trim()).map((p) => p.replace(/\s+/g, " "));
}

async function openReport(page) {
  const { records, visits } = history();
  await startWithRecords(page, records);
  await page.getByRole("button", { name: "Report", exact: true }).tap();
  await expect(page.locator("#record-out[data-open]")).toBeVisible();
  return visits;
}

const MUSCLES = { upper_trapezius: "Upper trapezius", infraspinatus: "Infraspinatus", gluteus_medius: "Gluteus medius", gastrocnemius: "Gastrocnemius", triceps_brachii: "Triceps brachii" };

test("the report of a 20-point visit prints every point on pages that never split a row", async ({ page }, info) => {
  const visits = await openReport(page);
  const report = page.locator("#record-out");
  await expect(report.locator(".rp-doc")).toHaveAttribute("data-report-visit", String(visits[2].started_at));
  await expect(report.locator(".rp-points .rp-row")).toHaveCount(20);
  await expect(report.locator(".rp-fig .rp-marks g")).toHaveCount(20);
  await page.emulateMedia({ media: "print" });
  for (const format of ["A4", "Letter"]) {
    const pages = pdfPages(await page.pdf({ format, printBackground: true }), info.outputPath(`report-${format}.pdf`));
    expect(pages.length, `${format}: pages`).toBeGreaterThanOrEqual(2);
    const all = pages.join("\n");
    // Every page names the patient and says which page it is.
    pages.forEach((p, i) => {
      expect(p, `${format} page ${i + 1}`).toContain(NAME);
      expect(p, `${format} page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    // Every point: its muscle and side, its pain scores and its needle's times, each row whole
    // on one page (its depth and its times, in different cells, on the same page).
    for (let id = 1; id <= 20; id++) {
      const { muscle, side } = place(id);
      expect(all).toContain(`${MUSCLES[muscle]} · ${side}`);
      const depth = `depth ${20 + id} mm`;
      const at = pages.findIndex((p) => p.includes(depth));
      expect(at, `point ${id}`).toBeGreaterThanOrEqual(0);
      expect(pages[at]).toMatch(new RegExp(`${2 + (id % 5)} ?→ ?${1 + (id % 3)} `));
      if (id % 4 === 0) {
        const note = pages.findIndex((p) => p.includes(`Point ${id}: local ache only`));
        expect(note, `point ${id}'s note stays with its row`).toBe(at);
      }
    }
    expect(all).toMatch(/\d\d:\d\d–\d\d:\d\d \(15 min\)/);
    expect(all).toContain("Bleeding disorder or anticoagulant medicine?");
    expect(all).toContain("therapist confirmed going on");
    expect(all).toContain("agreed to dry needling");
    expect(all).toContain("Twenty points today; tolerated well.");
    // Nothing of the treatment screen prints.
    for (const control of ["Print report", "Export", "Start visit", "Patient view", "Close", "Needle out"]) {
      expect(all, control).not.toContain(control);
    }
  }
});

test("a past visit's report holds its e-stim pair, adverse events and amendment", async ({ page }, info) => {
  const { records, visits } = history();
  await startWithRecords(page, records);
  await page.locator("[data-current-patient]").tap();
  await page.locator(`[data-visit="${visits[0].started_at}"]`).tap();
  await page.getByRole("button", { name: "Print report" }).tap();
  const report = page.locator("#record-out");
  await expect(report.locator(".rp-doc")).toHaveAttribute("data-report-visit", String(visits[0].started_at));
  await page.emulateMedia({ media: "print" });
  const text = pdfPages(await page.pdf({ format: "A4" }), info.outputPath("visit1.pdf")).join("\n");
  expect(text).toContain("Electrical stimulation");
  expect(text).toMatch(/1 and 2\s+2 Hz\s+4\.5 mA/);
  expect(text).toContain("Bruising");
  expect(text).toContain("Needle at point 3 was 0.30 mm, not 0.25 mm.");
  expect(text).toContain("Checked the needle box after the visit.");
  expect(text).toContain("agreed to dry needling and e-stim (in the patient view)");
  expect(text).toContain("Reproduces the temple headache.");
  expect(text).toContain("The patient rated their pain 7 out of 10.");
  expect(text).toMatch(/0\.25 × 40 mm, depth 15 mm, pistoning/);
});

/** A record with the values Myomap leaves out when they are unset (false, 0, "", [], null)
 * left out, so that a record written by hand compares with the same record written by Myomap. */
function canon(v) {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => !(x === false || x === 0 || x === "" || x === null || (Array.isArray(x) && !x.length)))
        .map(([k, x]) => [k, canon(x)]),
    );
  }
  return v;
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name, exact: true }).tap()]);
  return { name: file.suggestedFilename(), body: readFileSync(await file.path()) };
}

test("exports: the visit and the patient as JSON that reads back as saved, CSV rows, a PNG of the figures", async ({ page }) => {
  const visits = await openReport(page);
  const db = await readDb(page);
  const saved = db[`p/${PID}/v/${String(visits[2].started_at).padStart(15, "0")}`];

  const visit = await download(page, "Export visit");
  expect(visit.name).toMatch(/^myomap-mx-2231-\d{4}-\d\d-\d\d-visit\.json$/);
  const v = JSON.parse(visit.body.toString("utf8"));
  expect(v).toMatchObject({ app: "myomap", kind: "visit", format: 1 });
  expect(v.patient.name).toBe(NAME);
  // The visit in the file is the visit as the database holds it.
  expect(canon(v.visit)).toEqual(canon(saved));

  const patient = await download(page, "Export patient");
  const p = JSON.parse(patient.body.toString("utf8"));
  expect(p.kind).toBe("patient");
  expect(p.visits.map((x) => x.started_at)).toEqual(visits.map((x) => x.started_at));
  expect(canon(p.visits[0])).toEqual(canon(db[`p/${PID}/v/${String(visits[0].started_at).padStart(15, "0")}`]));
  await expect(page.locator("#record-out .ro-msg")).toContainText("patient.json");

  const csv = await download(page, "Export CSV");
  const rows = csv.body.toString("utf8").trim().split("\r\n").map((r) => r.split(","));
  expect(rows[0].slice(0, 7)).toEqual(["date", "time", "patient", "record_no", "muscle", "side", "status"]);
  // One row per point per visit: 5 + 5 + 20.
  expect(rows.length - 1).toBe(30);
  expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
  const first = Object.fromEntries(rows[0].map((h, i) => [h, rows[1][i]]));
  expect(first).toMatchObject({ muscle: "Upper trapezius", side: "right", status: "active", nrs_before: "7", nrs_after: "4", ppt_kg_cm2: "2.4", needles: "1" });

  const png = await download(page, "Export image");
  expect(png.name).toMatch(/figures\.png$/);
  expect(png.body.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.body.readUInt32BE(16)).toBe(1600);
  expect(png.body.readUInt32BE(20)).toBe(1200);
  expect(png.body.length).toBeGreaterThan(20_000);
});

test("progress: the trend across visits and two visits compared", async ({ page }) => {
  const visits = await openReport(page);
  await page.getByRole("button", { name: "Progress" }).tap();
  const out = page.locator("#record-out");
  await expect(out).toHaveAttribute("data-showing", "progress");
  await expect(out.locator(".rp-trend")).toHaveAttribute("data-trend-visits", "3");
  // Highest pain before needling in each visit: 7, 5, 6.
  const before = out.locator('.rp-plot [data-series="before"] circle title');
  await expect(before).toHaveText(["before: 7", "before: 5", "before: 6"]);
  await expect(out.locator('.rp-plot [data-series="active"] circle title')).toHaveText(["active: 4", "active: 2", "active: 20"]);
  // Visit 1 against visit 2.
  await out.getByLabel("Compare").selectOption(String(visits[0].started_at));
  await out.getByLabel("with").selectOption(String(visits[1].started_at));
  const cmp = out.locator(".rp-compare");
  await expect(cmp).toHaveAttribute("data-compare", `${visits[0].started_at} ${visits[1].started_at}`);
  await expect(cmp.locator('[data-measure="still"]')).toHaveText("Upper trapezius (right), Triceps brachii (right)");
  await expect(cmp.locator('[data-measure="resolved"]')).toHaveText("Infraspinatus (right)");
  await expect(cmp.locator('[data-measure="unexamined"]')).toHaveText("Gluteus medius (right)");
  await expect(cmp.locator('[data-measure="new"]')).toHaveText("none");
  // The drawings differ without colour: dots then, hatching now.
  await expect(cmp.locator('.rp-fig[data-view="posterior"] .rp-dots circle')).toHaveCount(2);
  await expect(cmp.locator('.rp-fig[data-view="posterior"] .rp-hatch circle')).toHaveCount(1);
  await page.getByRole("button", { name: "Close" }).tap();
  await expect(out).toBeHidden();
  await expect(page.locator("html")).not.toHaveAttribute("data-printing", /.*/);
});

test("the clinic's details are kept on the device and printed on the report and the patient's sheet", async ({ page }) => {
  const { records } = history();
  await startWithRecords(page, records);
  await page.getByRole("button", { name: "Patients" }).tap();
  await page.getByRole("button", { name: "Clinic details" }).tap();
  const dialog = page.locator("#clinic-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Clinic name").fill("Riverside Physiotherapy");
  await dialog.getByLabel("Clinic phone").fill("+1 555 0100");
  await dialog.getByLabel("Therapist (signs the reports)").fill("Sam Okafor, PT");
  await dialog.getByRole("button", { name: "Save clinic details" }).tap();
  await expect(dialog).toBeHidden();
  expect((await readDb(page)).clinic).toEqual({ name: "Riverside Physiotherapy", phone: "+1 555 0100", therapist: "Sam Okafor, PT" });
  await page.reload();
  await expect(page.locator("[data-current-patient]")).toBeVisible();
  await page.getByRole("button", { name: "Report", exact: true }).tap();
  const doc = page.locator("#record-out .rp-doc");
  await expect(doc.locator(".rp-clinic")).toContainText("Riverside Physiotherapy");
  await expect(doc.locator(".rp-clinic")).toContainText("+1 555 0100");
  await expect(doc.locator(".rp-ids")).toContainText("Sam Okafor, PT");
  await page.keyboard.press("Escape");
  await expect(page.locator("#record-out")).toBeHidden();
  // The patient's sheet names the clinic and its phone.
  await page.getByRole("button", { name: "Start visit" }).tap();
  await page.locator('[data-dialog="screening"]').getByRole("button", { name: "Done" }).tap();
  await page.getByRole("button", { name: "Patient view" }).tap();
  await page.evaluate(() => (window.print = () => (window.printed = (window.printed || 0) + 1)));
  await page.getByRole("button", { name: "Print for the patient" }).tap();
  await expect.poll(() => page.evaluate(() => window.printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("#print-sheet .sh-clinic")).toHaveText(/Riverside Physiotherapy · Clinic phone: \+1 555 0100/);
});
