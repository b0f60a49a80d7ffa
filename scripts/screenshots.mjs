// Screenshots of Myomap's views at tablet sizes, for the README and for reviewing changes.
// Usage: node scripts/screenshots.mjs [outdir]  (serves dist/ itself; build first)
import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { history } from "../tests/e2e/history.js";

const out = process.argv[2] || "docs/screenshots";
const PORT = 4198;
const URL = `http://127.0.0.1:${PORT}/`;
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

// A plausible neck-and-shoulder session: upper trapezius, levator scapulae, infraspinatus.
const now = Date.now();
const demo = JSON.stringify({
  app: "myomap",
  schema: 1,
  chart: {
    trps: [
      { id: 1, muscle: "upper_trapezius", side: "right", at: { view: "posterior", x: 44, y: 136 }, marked_at: now, findings: { nrs_before: 7, recognised: true, taut_band: true } },
      { id: 2, muscle: "gluteus_medius", side: "left", at: { view: "posterior", x: -60, y: 356 }, marked_at: now, findings: { status: "latent", nrs_before: 4 } },
      { id: 3, muscle: "infraspinatus", side: "right", at: { view: "posterior", x: 62, y: 192 }, marked_at: now },
      { id: 4, muscle: "sternocleidomastoid", side: "right", at: { view: "anterior", x: -13, y: 115 }, marked_at: now },
    ],
    timers: [
      { id: 5, trp: 1, duration: 900000, banked: 0, running_since: now - 412000, started_at: now - 412000, ended_at: null },
      { id: 6, trp: 3, duration: 1200000, banked: 0, running_since: now - 300000, started_at: now - 300000, ended_at: null },
      { id: 7, trp: 1, duration: 600000, banked: 0, running_since: now - 130000, started_at: now - 130000, ended_at: null, estim: { needles: [5, 6], hz: 2, ma: 4 } },
      { id: 8, trp: 2, duration: 600000, banked: 120000, running_since: null, started_at: now - 400000, ended_at: null },
    ],
    next_id: 20,
    // Two earlier weekly visits, needles in the trapezius and infraspinatus.
    visits: [14, 7].map((days, k) => {
      const start = now - days * 86400000;
      return {
        started_at: start,
        ended_at: start + 35 * 60000,
        screening: { answers: ["bleeding", "pregnancy", "needle_fear", "local_infection", "lymphoedema", "metal_allergy",
          "immune_suppression", "pacemaker", "epilepsy"].map((question) => ({ question, yes: false, answered_at: start + 60000 })) },
        timers: [1, 3].map((trp, i) => ({ id: 10 + k * 2 + i, trp, duration: 900000, banked: 0, running_since: start + 300000, started_at: start + 300000, ended_at: start + 1260000 })),
        ...(k === 0 ? { adverse: ["bruising"] } : {}),
      };
    }),
    visit: {
      started_at: now - 900000,
      screening: {
        answers: ["bleeding", "pregnancy", "needle_fear", "local_infection", "lymphoedema", "metal_allergy",
          "immune_suppression", "pacemaker", "epilepsy"].map((question) => ({
          question, yes: question === "needle_fear", answered_at: now - 880000,
          ...(question === "needle_fear" ? { confirmed_at: now - 870000 } : {}),
        })),
      },
    },
  },
});

/** A session with eight needles in: one overdue, one paused, the rest counting down. */
function eightNeedles() {
  const spots = [["upper_trapezius", "right", 44, 136], ["levator_scapulae", "left", -30, 120],
    ["infraspinatus", "right", 62, 192], ["infraspinatus", "left", -62, 192], ["gluteus_medius", "left", -60, 356],
    ["gluteus_medius", "right", 60, 356], ["levator_scapulae", "right", 30, 120], ["teres_major", "left", -70, 215]];
  const trps = spots.map(([muscle, side, x, y], i) => ({ id: i + 1, muscle, side, at: { view: "posterior", x, y }, marked_at: now }));
  const timers = trps.map((t, i) => ({
    id: 20 + i, trp: t.id, duration: (10 + i * 2) * 60000, banked: i === 3 ? 120000 : 0,
    running_since: i === 3 ? null : now - 300000 - i * 20000, started_at: now - 400000, ended_at: null,
  }));
  timers[1].duration = 240000;
  const answers = ["bleeding", "pregnancy", "needle_fear", "local_infection", "lymphoedema", "metal_allergy",
    "immune_suppression", "pacemaker", "epilepsy"].map((question) => ({ question, yes: false, answered_at: now - 880000 }));
  return JSON.stringify({ app: "myomap", schema: 1, chart: { trps, timers, next_id: 40, visit: { started_at: now - 900000, screening: { answers } } } });
}

/** A tablet of `w` x `h` whose only data is a chart as the previous release saved it (`raw`):
 * Myomap carries it into its database on the reload. */
async function deviceWith(browser, w, h, raw) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await page.goto(URL);
  await page.waitForSelector("[data-muscle]", { state: "attached" });
  await page.evaluate(async (raw) => {
    localStorage.clear();
    await new Promise((r) => { const q = indexedDB.deleteDatabase("myomap"); q.onsuccess = q.onerror = r; });
    localStorage.setItem("myomap.chart", raw);
  }, raw);
  await page.reload();
  return { ctx, page };
}

/** The demo chart carried into the database, its patient's file open with the name typed. */
async function namedDemo(browser, w, h) {
  const { ctx, page } = await deviceWith(browser, w, h, demo);
  await page.waitForSelector("[data-trp]", { state: "attached" });
  await page.getByRole("button", { name: "Dismiss message" }).tap({ timeout: 3000 }).catch(() => {});
  await page.locator("[data-current-patient]").tap();
  await page.getByLabel("Name", { exact: true }).fill("Maria Lopez");
  return { ctx, page };
}

mkdirSync(out, { recursive: true });
const server = spawn("node", ["scripts/serve.mjs", "dist", String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
try {
  for (const [w, h, name] of [[1024, 768, "landscape"], [768, 1024, "portrait"]]) {
    // The carried-over chart becomes a named patient, among others of the clinic's week.
    const { ctx, page } = await namedDemo(browser, w, h);
    await page.getByLabel("Date of birth").fill("1978-09-21");
    await page.getByLabel("Record number").fill("MRN-20417");
    await page.getByRole("button", { name: "Save details" }).tap();
    await page.getByRole("button", { name: "Close" }).tap();
    await page.evaluate(async (now) => {
      const people = [["Daniel Okafor", "1969-02-11", "MRN-20388", 1], ["Aiko Tanaka", "1990-12-03", "MRN-20455", 2],
        ["Lars Johansson", "1955-07-30", "", 3], ["Sofia Rossi", "2001-05-14", "MRN-20501", 5], ["Maria Lopez", "1992-01-08", "MRN-20512", 6]];
      const db = await new Promise((res) => { const r = indexedDB.open("myomap"); r.onsuccess = () => res(r.result); });
      const tx = db.transaction("records", "readwrite");
      people.forEach(([name, dob, record_no, days], i) => {
        const id = (now - 1e9 + i) * 1000;
        tx.objectStore("records").put(JSON.stringify({ id, name, dob, ...(record_no ? { record_no } : {}), created: now - 9e9, last_visit: now - days * 86400000 }), `patients/${id}`);
      });
      await new Promise((r) => (tx.oncomplete = r));
      db.close();
    }, now);
    await page.getByRole("button", { name: "Patients", exact: true }).tap();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-patients.png` });
    await page.getByRole("button", { name: "Close" }).tap();
    await page.locator("[data-current-patient]").tap();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${name}-patient-file.png` });
    await page.getByRole("button", { name: "Close" }).tap();
    if (name === "portrait") {
      await page.getByRole("button", { name: "Front", exact: true }).tap();
      await page.screenshot({ path: `${out}/${name}-front.png` });
      await page.getByRole("button", { name: "Back", exact: true }).tap();
    }
    const m = await page.locator('[data-trp="1"] .trp-dot').boundingBox();
    await page.touchscreen.tap(m.x + m.width / 2, m.y + m.height / 2);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-map.png` });
    await page.getByRole("button", { name: "Screening" }).tap();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${name}-screening.png` });
    await page.getByRole("button", { name: "Done" }).tap();
    await page.getByRole("button", { name: "End visit" }).tap();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${name}-end-visit.png` });
    await page.getByRole("button", { name: "Keep the visit open" }).tap();
    await page.locator('[data-trp-row="3"]').tap();
    await page.waitForTimeout(200);
    await page.locator(".side-scroll").evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await page.locator(".estim").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/${name}-estim.png` });
    await page.locator('[data-trp-row="1"]').tap();
    await page.getByRole("button", { name: /Deep/ }).tap();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${name}-deep.png` });
    await page.getByRole("button", { name: /Deep/ }).tap();
    await page.getByRole("button", { name: "Regions" }).tap();
    await page.getByRole("button", { name: "Shoulders" }).tap();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${out}/${name}-zoomed.png` });
    await page.getByRole("button", { name: "Reset zoom" }).tap();
    await page.getByRole("button", { name: "Where does it hurt?" }).tap();
    if (name === "portrait") await page.getByRole("button", { name: "Front", exact: true }).tap();
    const temple = await page.evaluate(() => {
      const svg = document.querySelector('figure[data-view="anterior"] svg.art');
      const p = new DOMPoint(-29, 36).matrixTransform(svg.getScreenCTM());
      return { x: p.x, y: p.y };
    });
    await page.touchscreen.tap(temple.x, temple.y);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/${name}-where-does-it-hurt.png` });
    await page.getByRole("button", { name: "Clear drawing" }).tap();
    await page.getByRole("button", { name: "Done" }).tap();
    // The visit ends (needles out); last week's visit opens on the map, read only.
    await page.getByRole("button", { name: "End visit" }).tap();
    await page.getByRole("button", { name: "Remove all" }).tap();
    await page.locator("[data-current-patient]").tap();
    await page.locator('[data-dialog="patient-file"] [data-visit]').nth(1).tap();
    await page.waitForTimeout(300);
    if (name === "portrait") await page.getByRole("button", { name: "Back", exact: true }).tap();
    await page.locator('[data-trp="1"]').first().evaluate(() => {});
    const pm = await page.locator('figure[data-view="posterior"] [data-trp="1"] .trp-dot').boundingBox();
    await page.touchscreen.tap(pm.x + pm.width / 2, pm.y + pm.height / 2);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-past-visit.png` });
    await page.getByRole("button", { name: "Back to today" }).tap();
    await page.goto(`${URL}#/atlas`);
    for (let i = 0; i < 17; i++) await page.getByRole("button", { name: "Next" }).tap();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-atlas-review.png` });
    await ctx.close();
  }
  // The patient view: every page of the story, in English and one in Spanish, then the sheet
  // printed for the patient (as print media renders it).
  for (const [w, h, name] of [[1024, 768, "landscape"], [768, 1024, "portrait"]]) {
    const { ctx, page } = await namedDemo(browser, w, h);
    await page.getByRole("button", { name: "Save" }).tap().catch(() => {});
    await page.getByRole("button", { name: "Close" }).tap().catch(() => {});
    await page.getByRole("button", { name: "Patient view" }).tap();
    await page.waitForSelector(".pv-side h2");
    for (let n = 1; ; n++) {
      const story = await page.locator(".pv-side h2").getAttribute("data-story");
      if (story === "elsewhere") await page.locator(".pv-point").first().tap();
      if (story === "draw") {
        const fig = name === "portrait" ? "anterior" : "posterior";
        const box = await page.locator(`figure[data-view="${fig}"] .stage`).boundingBox();
        const [x, y] = [box.x + box.width * 0.62, box.y + box.height * 0.2];
        await page.mouse.move(x, y);
        await page.mouse.down();
        for (let i = 1; i <= 12; i++) await page.mouse.move(x + i * 2, y + i * 4);
        await page.mouse.up();
        await page.getByRole("button", { name: "6", exact: true }).tap();
      }
      await page.waitForTimeout(1000);
      await page.screenshot({ path: `${out}/${name}-patient-${n}-${story}.png` });
      const next = page.getByRole("button", { name: "Next" });
      if (await next.isDisabled()) break;
      await next.tap();
    }
    await page.getByRole("button", { name: "Español" }).tap();
    await page.getByRole("button", { name: "Atrás" }).tap();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-patient-spanish.png` });
    await page.getByRole("button", { name: "English" }).tap();
    if (name === "portrait") {
      await page.evaluate(() => { window.print = () => {}; });
      // The clinic's details, as "Clinic details" keeps them.
      await page.evaluate(() => new Promise((done) => {
        const open = indexedDB.open("myomap");
        open.onsuccess = () => {
          const tx = open.result.transaction("records", "readwrite");
          tx.objectStore("records").put(JSON.stringify({ name: "Riverside Physiotherapy", phone: "+1 555 0100", therapist: "Sam Okafor, PT" }), "clinic");
          tx.oncomplete = () => (open.result.close(), done());
        };
      }));
      await page.getByRole("button", { name: "Print for the patient" }).tap();
      await page.waitForSelector("#print-sheet .sh-head", { state: "attached" });
      await page.emulateMedia({ media: "print" });
      // The sheet as Chromium prints it (A4), converted to PNG.
      const pdf = `${out}/aftercare-sheet.pdf`;
      writeFileSync(pdf, await page.pdf({ format: "A4" }));
      execFileSync("pdftoppm", ["-r", "80", "-png", "-singlefile", pdf, `${out}/aftercare-sheet`]);
      execFileSync("rm", [pdf]);
    }
    await ctx.close();
  }
  // The record out: a patient with three visits (the last with 20 points), the clinic's details
  // set; the report on screen and printed (A4 pages as PNG), the progress, backup and restore.
  for (const [w, h, name] of [[1024, 768, "landscape"], [768, 1024, "portrait"]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    await page.goto(URL);
    await page.waitForSelector("[data-muscle]", { state: "attached" });
    const { records, visits } = history(now);
    records.clinic = { name: "Riverside Physiotherapy", phone: "+1 555 0100", therapist: "Sam Okafor, PT" };
    await page.evaluate(async (records) => {
      localStorage.clear();
      await new Promise((r) => { const q = indexedDB.deleteDatabase("myomap"); q.onsuccess = q.onerror = r; });
      await new Promise((done) => {
        const open = indexedDB.open("myomap", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("records");
        open.onsuccess = () => {
          const tx = open.result.transaction("records", "readwrite");
          for (const [k, v] of Object.entries(records)) tx.objectStore("records").put(JSON.stringify(v), k);
          tx.oncomplete = () => (open.result.close(), done());
        };
      });
    }, records);
    await page.reload();
    await page.waitForSelector("[data-trp]", { state: "attached" });
    // The first visit's report: every part of a visit is in it.
    await page.locator("[data-current-patient]").tap();
    await page.locator(`[data-visit="${visits[0].started_at}"]`).tap();
    await page.getByRole("button", { name: "Print report" }).tap();
    await page.waitForSelector("#record-out .rp-doc");
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-report.png` });
    if (name === "portrait") {
      await page.emulateMedia({ media: "print" });
      const pdf = `${out}/report.pdf`;
      writeFileSync(pdf, await page.pdf({ format: "A4" }));
      execFileSync("pdftoppm", ["-r", "70", "-png", pdf, `${out}/report-page`]);
      execFileSync("rm", [pdf]);
      await page.emulateMedia({ media: "screen" });
    }
    await page.getByRole("button", { name: "Progress" }).tap();
    await page.waitForSelector("#record-out .rp-compare");
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${name}-progress.png` });
    await page.locator("#record-out .ro-scroll").evaluate((e) => (e.scrollTop = e.scrollHeight));
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${name}-compare.png` });
    await page.getByRole("button", { name: "Close" }).tap();
    await page.getByRole("button", { name: "Patients" }).tap();
    await page.getByRole("button", { name: "Backup and restore" }).tap();
    await page.waitForSelector("#backup-dialog[open]");
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${name}-backup.png` });
    await page.locator("#backup-dialog").getByRole("button", { name: "Close" }).tap();
    await page.getByRole("button", { name: "Clinic details" }).tap();
    await page.waitForSelector("#clinic-dialog[open]");
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${name}-clinic.png` });
    await page.locator("#clinic-dialog").getByRole("button", { name: "Cancel" }).tap();
    // The screen lock: its settings, then the locked screen.
    await page.getByRole("button", { name: "Screen lock" }).tap();
    const lock = page.locator("#lock-dialog");
    await lock.getByLabel("New passphrase (at least 8 characters)").fill("quiet harbour 1984");
    await lock.getByLabel("New passphrase again").fill("quiet harbour 1984");
    await page.screenshot({ path: `${out}/${name}-lock-settings.png` });
    await ctx.close();
  }
  // Eight needles in: the treatment screen as seen from across the room.
  for (const [w, h, name] of [[1024, 768, "landscape"], [768, 1024, "portrait"]]) {
    const { ctx, page } = await deviceWith(browser, w, h, eightNeedles());
    await page.waitForSelector("[data-timer]");
    await page.getByRole("button", { name: "Dismiss message" }).tap({ timeout: 3000 }).catch(() => {});
    if (name === "portrait") await page.getByRole("button", { name: "Back", exact: true }).tap();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/${name}-needles.png` });
    // Locked with the needles in: no name, map or record; the timers and "Needle out" stay.
    await page.getByRole("button", { name: "Patients" }).tap();
    await page.getByRole("button", { name: "Screen lock" }).tap();
    const lock = page.locator("#lock-dialog");
    await lock.getByLabel("New passphrase (at least 8 characters)").fill("quiet harbour 1984");
    await lock.getByLabel("New passphrase again").fill("quiet harbour 1984");
    await lock.getByRole("button", { name: "Set passphrase" }).tap();
    await lock.getByRole("button", { name: "Lock now" }).tap();
    await page.waitForSelector("#lock-screen");
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-locked.png` });
    // After a reload the records stay sealed until the passphrase: the needles by number.
    await page.reload();
    await page.waitForSelector("#lock-screen [data-timer]");
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-locked-reloaded.png` });
    await ctx.close();
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`screenshots written to ${out}`);
