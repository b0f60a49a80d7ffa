// The patient view: the tablet turned toward the patient. Only their body, their points and
// where each one's pain goes; a story paged with Next and Back; their own drawing and score;
// their consent, which the first needle waits for; a way out a patient would not take by
// accident; Spanish as well as English; and the sheet printed for them.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { allSaved, freshStart, savedChart, startWithOldChart, tapMuscle } from "./helpers.js";

test.use({ reducedMotion: "reduce" });

const EN = JSON.parse(readFileSync(new URL("../../assets/texts/patient-en.json", import.meta.url)));
const ES = JSON.parse(readFileSync(new URL("../../assets/texts/patient-es.json", import.meta.url)));
const NOTE = "Confidential: patient mentioned a difficult divorce";

/** Charts the upper trapezius (with a note and findings) and the gluteus medius. */
async function chartTwoPoints(page) {
  await tapMuscle(page, "posterior", "upper_trapezius", "right");
  await page.getByLabel("Note").fill(NOTE);
  await page.waitForTimeout(400);
  await tapMuscle(page, "posterior", "gluteus_medius", "left");
  await page.waitForTimeout(400);
  await allSaved(page);
}

const title = (page) => page.locator(".pv-side h2");
const visibleText = (page) => page.evaluate(() => document.body.innerText);

test("the patient sees their points and patterns, no note or finding, and pages through the story", async ({ page }) => {
  await freshStart(page);
  await chartTwoPoints(page);
  expect((await savedChart(page)).points.some((p) => p.findings?.note === NOTE)).toBe(true);

  await page.getByRole("button", { name: "Patient view" }).tap();
  await expect(page.locator("html")).toHaveAttribute("data-mode", "patient");
  await expect(title(page)).toHaveText(EN.pages[0].title);
  // Nothing clinical on screen: the note, the record, the screening, the patient list.
  const text = await visibleText(page);
  expect(text).not.toContain(NOTE);
  expect(text).not.toContain("Refers to");
  expect(text).not.toContain("Screening");
  expect(text).not.toContain("Start visit");
  await expect(page.getByRole("button", { name: "Patients" })).toBeHidden();
  await expect(page.getByLabel("Note")).toBeHidden();
  // Their points and every pattern are on the body.
  await expect(page.locator('figure[data-view="posterior"] [data-trp]')).toHaveCount(2);
  await expect(page.locator('[data-referral="upper_trapezius"]').first()).toBeAttached();
  await expect(page.locator('[data-referral="gluteus_medius"]').first()).toBeAttached();

  // One page at a time, Next and Back; the count says where they are.
  const pages = EN.pages.length + 2;
  await expect(page.locator(".pv-count")).toHaveText(`Page 1 of ${pages}`);
  await expect(page.locator(".pv-side").getByRole("button", { name: "Back" })).toBeDisabled();
  for (let i = 1; i < EN.pages.length; i++) {
    await page.locator(".pv-side").getByRole("button", { name: "Next" }).tap();
    await expect(title(page)).toHaveText(EN.pages[i].title);
  }
  await page.locator(".pv-side").getByRole("button", { name: "Back" }).tap();
  await expect(title(page)).toHaveText(EN.pages[EN.pages.length - 2].title);
  // Why it hurts elsewhere: a tap on one of their points shows where its pain goes.
  while ((await title(page).getAttribute("data-story")) !== "elsewhere") {
    await page.locator(".pv-side").getByRole("button", { name: "Back" }).tap();
  }
  const trapezius = page.locator(".pv-point", { hasText: EN.muscles.upper_trapezius.name });
  await trapezius.tap();
  await expect(trapezius).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(".pv-refers")).toHaveText(EN.muscles.upper_trapezius.refers);
  await expect(page.locator('g.referral [data-referral="upper_trapezius"]').first()).toBeAttached();
  // Over the chest and upper back: the lung risk is told in plain words.
  while ((await title(page).getAttribute("data-story")) !== "safe") {
    await page.locator(".pv-side").getByRole("button", { name: "Next" }).tap();
  }
  await expect(page.locator(".pv-side")).toContainText(EN.pages.find((p) => p.id === "safe").thorax);
  // Still nothing of the note anywhere on screen.
  expect(await visibleText(page)).not.toContain(NOTE);
});

test("the patient's drawing and score are saved with the visit and shown to the therapist", async ({ page }) => {
  await freshStart(page);
  await chartTwoPoints(page);
  await page.getByRole("button", { name: "Patient view" }).tap();
  for (let i = 0; i < EN.pages.length; i++) await page.locator(".pv-side").getByRole("button", { name: "Next" }).tap();
  await expect(title(page)).toHaveText(EN.ui.paint_title);
  // A tap on the body never charts a point in the patient view: it paints.
  const stage = page.locator('figure[data-view="posterior"] .stage');
  const box = await stage.boundingBox();
  const [x, y] = [box.x + box.width * 0.35, box.y + box.height * 0.25];
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x + i * 3, y + i * 2);
  await page.mouse.up();
  await expect(page.locator(".pv-side")).toContainText(EN.ui.drawing_saved);
  await page.getByRole("button", { name: "7", exact: true }).tap();
  await expect(page.locator("[data-patient-score]")).toHaveAttribute("data-patient-score", "7");
  await allSaved(page);
  const saved = await savedChart(page);
  expect(saved.open.visit.patient_score).toBe(7);
  expect(saved.open.visit.patient_pain.length).toBeGreaterThan(2);
  expect(saved.points).toHaveLength(2);
  // The therapist's own drawing is another thing.
  expect(saved.pain).toBeUndefined();
});

test("consent is recorded with its time and can be withdrawn; the first needle waits for it", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
  await freshStart(page);
  await tapMuscle(page, "posterior", "infraspinatus", "right");
  await page.getByRole("button", { name: "Start timer" }).tap();
  // Screened, the needle still waits: the screening offers to ask in the patient view.
  const dialog = page.locator('[data-dialog="screening"]');
  for (const q of await dialog.locator("[data-question]").all()) {
    await q.getByRole("button", { name: "No", exact: true }).tap();
  }
  await expect(dialog.locator("[data-screening]")).toHaveAttribute("data-screening", "consent");
  await dialog.getByRole("button", { name: "Done" }).tap();
  await expect(page.locator("[data-timer]")).toHaveCount(0);
  await page.getByRole("button", { name: "Start timer" }).tap();
  await dialog.getByRole("button", { name: "Ask in patient view" }).tap();
  // The story opens at the agreement; e-stim was screened for, so it is asked too.
  await expect(title(page)).toHaveText(EN.ui.consent_title);
  await page.getByRole("button", { name: EN.ui.questions }).tap();
  await expect(page.locator(".pv-side [data-consent]")).toHaveAttribute("data-consent", "questions");
  await page.getByRole("button", { name: EN.ui.agree_estim }).tap();
  await expect(page.locator(".pv-side [data-consent]")).toHaveAttribute("data-consent", "agreed_estim");
  await expect(page.locator(".pv-side [data-consent]")).toContainText("09:00");
  await allSaved(page);
  let saved = await savedChart(page);
  expect(saved.open.visit.consent.map((c) => c.answer)).toEqual(["questions", "agree_with_estim"]);
  const at = saved.open.visit.consent[1].at - Date.parse("2026-03-02T09:00:00Z");
  expect(at >= 0 && at < 60_000, `consent at +${at} ms`).toBe(true);

  // A tap does not leave the patient view; holding the button for two seconds does.
  const exit = page.getByRole("button", { name: EN.ui.exit });
  await exit.tap();
  await page.waitForTimeout(300);
  await exit.tap();
  await expect(page.locator("html")).toHaveAttribute("data-mode", "patient");
  await expect(page.locator(".pv-exit")).toContainText(EN.ui.exit_hint);
  const b = await exit.boundingBox();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.clock.runFor(1000);
  await expect(page.locator("html")).toHaveAttribute("data-mode", "patient");
  await page.clock.runFor(1100);
  await page.mouse.up();
  await expect(page.locator("html")).not.toHaveAttribute("data-mode", "patient");
  await expect(page.locator(".consent-state")).toHaveAttribute("data-consent", "agreed_estim");

  // Consented, the needle goes in; withdrawn, no new one does.
  await page.getByRole("button", { name: "Start timer" }).tap();
  await expect(page.locator("[data-timer]")).toHaveCount(1);
  await page.getByRole("button", { name: "Patient view" }).tap();
  for (let i = 0; i < EN.pages.length + 1; i++) await page.locator(".pv-side").getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: EN.ui.withdraw }).tap();
  await expect(page.locator(".pv-side [data-consent]")).toHaveAttribute("data-consent", "withdrawn");
  await allSaved(page);
  saved = await savedChart(page);
  expect(saved.open.visit.consent.map((c) => c.answer)).toEqual(["questions", "agree_with_estim", "withdrawn"]);
});

test("Spanish switches every text of the patient view", async ({ page }) => {
  await freshStart(page);
  await chartTwoPoints(page);
  await page.getByRole("button", { name: "Patient view" }).tap();
  await expect(title(page)).toHaveText(EN.pages[0].title);
  await page.getByRole("button", { name: "Español" }).tap();
  for (let i = 0; i < ES.pages.length; i++) {
    await expect(title(page)).toHaveText(ES.pages[i].title);
    for (const line of ES.pages[i].body) await expect(page.locator(".pv-side")).toContainText(line);
    if (ES.pages[i].id === "elsewhere") {
      await expect(page.locator(".pv-point").first()).toContainText(ES.muscles.upper_trapezius.name);
    }
    await page.getByRole("button", { name: ES.ui.next }).tap();
  }
  await expect(title(page)).toHaveText(ES.ui.paint_title);
  await page.getByRole("button", { name: ES.ui.next }).tap();
  await expect(title(page)).toHaveText(ES.ui.consent_title);
  await expect(page.getByRole("button", { name: ES.ui.agree })).toBeVisible();
  await expect(page.getByRole("button", { name: ES.ui.exit })).toBeVisible();
  await expect(page.getByRole("button", { name: ES.sheet.print })).toBeVisible();
  // No English text of the patient view is left on screen.
  const text = await page.locator(".pv-side").innerText();
  for (const s of [EN.ui.consent_title, EN.ui.consent_lead, EN.ui.next, EN.ui.back]) expect(text).not.toContain(s);
  // The page speaks Spanish, and the map's English captions are not on screen.
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const screen = await page.evaluate(() => document.body.innerText);
  for (const s of ["Front", "Back", "Patient's"]) expect(screen).not.toMatch(new RegExp(`\\b${s}\\b`));
});

test("the take-home sheet prints on one page with the treated muscles and the aftercare", async ({ page }) => {
  // Ten points needled today (a chart as the previous release saved it): the most a sheet holds
  // on its one page.
  const now = Date.now();
  const spots = [["upper_trapezius", 44, 136], ["infraspinatus", 62, 192], ["gluteus_medius", 60, 356],
    ["gastrocnemius", 40, 640], ["triceps_brachii", 92, 250]];
  const trps = ["right", "left"].flatMap((side) =>
    spots.map(([muscle, x, y]) => ({ muscle, side, at: { view: "posterior", x: side === "right" ? x : -x, y }, marked_at: now })),
  ).map((t, i) => ({ id: i + 1, ...t }));
  const timers = trps.map((t, i) => ({ id: 20 + i, trp: t.id, duration: 1200000, banked: 0, running_since: now - 60000, started_at: now - 60000, ended_at: null }));
  const answers = ["bleeding", "pregnancy", "needle_fear", "local_infection", "lymphoedema", "metal_allergy",
    "immune_suppression", "pacemaker", "epilepsy"].map((question) => ({ question, yes: false, answered_at: now - 120000 }));
  await startWithOldChart(page, JSON.stringify({ app: "myomap", schema: 1, chart: { trps, timers, next_id: 40, visit: { started_at: now - 180000, screening: { answers } } } }));
  await expect(page.locator("[data-timer]")).toHaveCount(10);
  await page.getByRole("button", { name: "Dismiss message" }).tap().catch(() => {});
  await page.getByRole("button", { name: "Patient view" }).tap();
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => window.printed++;
  });
  await page.getByRole("button", { name: "Print for the patient" }).tap();
  await expect.poll(() => page.evaluate(() => window.printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  const sheet = page.locator("#print-sheet");
  await expect(sheet).toBeVisible();
  await expect(page.locator(".pv-side")).toBeHidden();
  const text = await sheet.innerText();
  expect(text).toContain(EN.sheet.title);
  expect(text).toContain(EN.muscles.upper_trapezius.name);
  expect(text).toContain(EN.muscles.gluteus_medius.name);
  expect(text).toContain("24 to 48 hours");
  expect(text).toContain(EN.sheet.next);
  // Needled over the upper back: the warning signs are on the sheet.
  expect(text).toContain(EN.urgent);
  await expect(sheet.locator(".sh-marks g")).toHaveCount(10);
  // One line per muscle, both sides on it, with the numbers on the figures.
  await expect(sheet.locator(".sh-points li")).toHaveCount(5);
  await expect(sheet.locator(".sh-points li").first()).toContainText("1, 6. ");
  for (const format of ["A4", "Letter"]) {
    const pdf = await page.pdf({ format, printBackground: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || [];
    expect(pages.length, `${format} pages`).toBe(1);
    // The printed text itself (read back from the PDF): the treated muscles and the advice.
    const file = test.info().outputPath(`sheet-${format}.pdf`);
    writeFileSync(file, pdf);
    const printed = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const m of ["upper_trapezius", "infraspinatus", "gluteus_medius", "gastrocnemius", "triceps_brachii"]) {
      expect(printed, `${format}: ${m}`).toContain(EN.muscles[m].name.replace(/\s+/g, " "));
    }
    expect(printed).toContain("24 to 48 hours");
    expect(printed).toContain(EN.sheet.next);
  }
  // In Spanish, the sheet is Spanish.
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("button", { name: "Español" }).tap();
  await page.getByRole("button", { name: ES.sheet.print }).tap();
  await expect.poll(() => page.evaluate(() => window.printed)).toBe(2);
  await page.emulateMedia({ media: "print" });
  const es = await sheet.innerText();
  expect(es).toContain(ES.sheet.title);
  expect(es).toContain(ES.muscles.upper_trapezius.name);
  expect(es).not.toContain(EN.sheet.title);
});
