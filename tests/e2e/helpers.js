// Shared end-to-end helpers: find where a finger can touch a region, and tap it like a person.
import { expect } from "@playwright/test";

/** Makes the figure of `view` visible (portrait shows one figure at a time). */
export async function showView(page, view) {
  // The app shows once its records are read: wait for the map before asking what is visible.
  await expect(page.locator("[data-muscle]").first()).toBeAttached();
  const fig = page.locator(`figure[data-view="${view}"]`);
  if (!(await fig.isVisible())) {
    await page.getByRole("button", { name: view === "anterior" ? "Front" : "Back", exact: true }).tap();
  }
  await expect(fig).toBeVisible();
}

/**
 * A screen point on which the topmost element is `selector` (so a tap there reaches it),
 * chosen near the middle of everything that hits it.
 */
export async function touchPoint(page, selector) {
  const p = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    // Stay clear of existing markers: a tap near one selects it instead of marking.
    const markers = [...document.querySelectorAll("[data-trp]")]
      .map((m) => m.getBoundingClientRect())
      .filter((b) => b.width > 0)
      .map((b) => [b.x + b.width / 2, b.y + b.height / 2]);
    const clear = (x, y) => markers.every(([mx, my]) => Math.hypot(mx - x, my - y) > 16);
    const on = (x, y) => document.elementFromPoint(x, y) === el;
    // Prefer points well inside the region (a finger's rounding never slips off them).
    const inner = (x, y) => [[3, 0], [-3, 0], [0, 3], [0, -3]].every(([dx, dy]) => on(x + dx, y + dy));
    let hits = [];
    const loose = [];
    const n = 24;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        const x = Math.round(r.left + (r.width * i) / n);
        const y = Math.round(r.top + (r.height * j) / n);
        if (on(x, y) && clear(x, y)) (inner(x, y) ? hits : loose).push([x, y]);
      }
    }
    if (!hits.length) hits = loose;
    if (!hits.length) return null;
    const mx = hits.reduce((s, h) => s + h[0], 0) / hits.length;
    const my = hits.reduce((s, h) => s + h[1], 0) / hits.length;
    hits.sort((a, b) => Math.hypot(a[0] - mx, a[1] - my) - Math.hypot(b[0] - mx, b[1] - my));
    return { x: hits[0][0], y: hits[0][1] };
  }, selector);
  expect(p, `no touchable point on ${selector}`).not.toBeNull();
  return p;
}

export const muscleSel = (view, muscle, side, layer = "sup") =>
  `figure[data-view="${view}"] path.layer-${layer}[data-muscle="${muscle}"][data-side="${side}"]`;

/** Taps a muscle where a finger would and returns the screen point touched. */
export async function tapMuscle(page, view, muscle, side, layer = "sup") {
  await showView(page, view);
  const p = await touchPoint(page, muscleSel(view, muscle, side, layer));
  await page.touchscreen.tap(p.x, p.y);
  return p;
}

/** Centre of a marker's dot on screen. */
export async function markerCentre(page, id) {
  const box = await page.locator(`[data-trp="${id}"] .trp-dot`).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Waits until Myomap has opened its records and shown itself (the map, or the notice that
 * another tab leads), so that nothing it does at start-up races what a test does next. */
export async function appShown(page) {
  await expect(page.locator("[data-muscle], [data-elsewhere]").first()).toBeAttached();
  // The clinical texts and then the styles that no first screen needs follow right after
  // start-up (clinic-en.json, later.css); once both are in, nothing on screen moves by itself.
  if (await page.locator("[data-muscle]").count()) {
    await expect(page.locator('html[data-styles="all"]')).toBeAttached();
  }
}

/** Empties the device's storage (database and local storage) from a loaded page. */
export async function wipeDevice(page, { keepSettings = false } = {}) {
  await page.evaluate(async (keepSettings) => {
    const settings = localStorage.getItem("myomap.settings");
    localStorage.clear();
    if (keepSettings && settings) localStorage.setItem("myomap.settings", settings);
    // The app lets go of its connection when asked, so the delete is not blocked.
    await new Promise((done) => {
      const req = indexedDB.deleteDatabase("myomap");
      req.onsuccess = req.onerror = () => done();
    });
  }, keepSettings);
}

/** Fresh start: nothing saved on the device. */
export async function freshStart(page) {
  await page.goto("/");
  await appShown(page);
  await wipeDevice(page);
  await page.reload();
  await appShown(page);
}

/** Loads Myomap on a device whose only data is a chart of the previous release (format 1). */
export async function startWithOldChart(page, raw, opts = {}) {
  await page.goto("/");
  await appShown(page);
  await wipeDevice(page, opts);
  await page.evaluate((raw) => localStorage.setItem("myomap.chart", raw), raw);
  await page.reload();
  await expect(page.locator("[data-muscle]").first()).toBeAttached();
}

/** Screen point of an atlas point in a view (through the figure's screen matrix). */
export async function atlasToScreen(page, view, x, y) {
  return page.evaluate(({ view, x, y }) => {
    const svg = document.querySelector(`figure[data-view="${view}"] svg.art`);
    const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM());
    return { x: p.x, y: p.y };
  }, { view, x, y });
}

/**
 * Starts a visit and answers its screening: "no" to everything except the question ids in
 * `yes`, each confirmed; then records the patient's consent as given in person (to e-stim too,
 * unless `estim` is false). Leaves the screening dialog closed.
 */
export async function startVisit(page, { yes = [], estim = true } = {}) {
  await page.getByRole("button", { name: "Start visit" }).tap();
  await answerScreening(page, { yes, estim });
}

/** Answers the open screening dialog (see `startVisit`) and presses Done. */
export async function answerScreening(page, { yes = [], estim = true } = {}) {
  const dialog = page.locator('[data-dialog="screening"]');
  await expect(dialog).toBeVisible();
  for (const q of await dialog.locator("[data-question]").all()) {
    const id = await q.getAttribute("data-question");
    if (yes.includes(id)) {
      await q.getByRole("button", { name: "Yes", exact: true }).tap();
      await q.getByRole("button", { name: "Confirm and go on" }).tap();
      await expect(q).toHaveAttribute("data-answer", "confirmed");
    } else {
      await q.getByRole("button", { name: "No", exact: true }).tap();
      await expect(q).toHaveAttribute("data-answer", "no");
    }
  }
  await expect(dialog.locator("[data-screening]")).not.toHaveAttribute("data-screening", "incomplete");
  await giveConsent(page, { estim });
  await dialog.getByRole("button", { name: "Done" }).tap();
  await expect(dialog).toHaveCount(0);
}

/** In the open screening dialog: records the patient's consent as given in person (to e-stim
 * too when the screening's e-stim questions were asked: `estim`). */
export async function giveConsent(page, { estim = true } = {}) {
  const row = page.locator('[data-dialog="screening"] .consent-row');
  await row.getByRole("button", { name: "Consent given in person" }).tap();
  await expect(row).toHaveAttribute("data-consent", estim ? "agreed_estim" : "agreed");
}

/** Marks a point on a muscle and puts a needle in with a timer of `minutes` (a visit must be
 * under way and screened). */
export async function startNeedle(page, view, muscle, side, minutes = 20) {
  await tapMuscle(page, view, muscle, side);
  await page.getByRole("button", { name: `${minutes} min`, exact: true }).tap();
  await page.getByRole("button", { name: "Start timer" }).tap();
  await page.waitForTimeout(400); // the next tap elsewhere is not a double tap
}

/** Every record in Myomap's database, read raw from the page: { key: parsed JSON value }. */
export async function readDb(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("myomap");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction("records").objectStore("records");
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            const out = {};
            keys.result.forEach((k, i) => {
              try {
                out[k] = JSON.parse(values.result[i]);
              } catch {
                out[k] = values.result[i];
              }
            });
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

/** Waits until no write is under way (kept or refused). A change is written, and counted in
 * the header's data-pending, from the task after the frame that shows it: first the next
 * frame and the task after it (the page's own is queued from that frame ahead of this one,
 * src/frame.rs), then the count at 0. */
async function writesSettled(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  await expect(page.locator("[data-pending]")).toHaveAttribute("data-pending", "0");
}

/** The records of the patient open on screen, by kind: { patient, points, open, pain, visits }. */
export async function savedChart(page) {
  // Read once no write is under way, not while the last one may still be queued.
  await writesSettled(page);
  const pid = await page.locator("[data-current-patient]").getAttribute("data-current-patient");
  const db = await readDb(page);
  const pre = `p/${pid}/`;
  const pick = (p) => Object.keys(db).filter((k) => k.startsWith(pre + p)).sort().map((k) => db[k]);
  return {
    patient: db[`patients/${pid}`],
    points: pick("pt/"),
    open: db[pre + "open"],
    pain: db[pre + "pain"],
    visits: pick("v/"),
  };
}

/** Waits until every change on screen is reported kept by the database. */
export async function allSaved(page) {
  await writesSettled(page);
  await expect(page.locator("[data-saved]")).toHaveAttribute("data-saved", "true");
}

/** A timer row's pause or extra-minute button: the row opens its controls with a tap first. */
export async function timerButton(timer, name) {
  const button = timer.getByRole("button", { name, exact: true });
  if (!(await button.isVisible())) await timer.locator(".timer-main").tap();
  return button;
}

/** The passphrase the lock tests set. */
export const PASSPHRASE = "quiet harbour 1984";

/** Sets the screen lock's passphrase from Patients, "Screen lock" (optionally its idle minutes)
 * and closes both dialogs. `press` is "tap", or "click" in a browser without touch. */
export async function setPassphrase(page, { idle, press = "tap" } = {}) {
  const pressed = (locator) => locator[press]();
  await pressed(page.getByRole("button", { name: "Patients" }));
  await pressed(page.getByRole("button", { name: "Screen lock" }));
  const d = page.locator("#lock-dialog");
  await expect(d).toBeVisible();
  await d.getByLabel("New passphrase (at least 8 characters)").fill(PASSPHRASE);
  await d.getByLabel("New passphrase again").fill(PASSPHRASE);
  if (idle) await d.getByLabel("Lock after this long without a touch").selectOption(String(idle));
  await pressed(d.getByRole("button", { name: "Set passphrase" }));
  await expect(d.locator(".lk-done")).toContainText("Passphrase set");
  await pressed(d.getByRole("button", { name: "Close" }));
  await pressed(page.getByRole("button", { name: "Close" }));
}
