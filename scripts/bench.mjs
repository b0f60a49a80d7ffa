// Myomap's performance budgets, measured in Debian's Chromium with 4x CPU throttling,
// median of 5 runs. Run through scripts/bench.sh (which builds the release and installs what
// is missing). Prints a table and writes .bench/results.json; exits 1 if a budget is missed.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { firstLoad } from "./size-check.mjs";

const PORT = 4199;
const RUNS = Number(process.env.BENCH_RUNS || 5);
const THROTTLE = 4;
const BUDGET = {
  firstLoadKB: 300, interactiveMs: 1000, tapMs: 16, longTaskMs: 50,
  // A clinic's records: 2,000 patients x 10 visits x 15 points.
  listMs: 200, searchMs: 50, openChartMs: 300, tapWork500Ms: 4,
};
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const URL = `http://127.0.0.1:${PORT}/`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** A saved chart with `n` trigger points spread over the back of the body (on muscles away
 * from the thorax, so that no safety banner changes the layout being measured). */
function seededChart(n) {
  const trps = [];
  const muscles = ["gluteus_maximus", "gluteus_medius", "infraspinatus", "teres_major", "biceps_femoris"];
  for (let i = 0; i < n; i++) {
    const col = i % 20, row = Math.floor(i / 20);
    trps.push({
      id: i + 1,
      muscle: muscles[i % muscles.length],
      side: col < 10 ? "left" : "right",
      at: { view: "posterior", x: -60 + col * 6, y: 160 + row * 10 },
      marked_at: 1_700_000_000_000,
    });
  }
  return JSON.stringify({ app: "myomap", schema: 1, chart: { trps, timers: [], next_id: n + 1 } });
}

async function throttledPage(browser, viewport = { width: 1024, height: 768 }) {
  const ctx = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  return { ctx, page };
}

async function timeToInteractive(browser) {
  const { ctx, page } = await throttledPage(browser);
  await page.goto(URL, { waitUntil: "load" });
  await page.waitForFunction(() => performance.getEntriesByName("myomap-interactive").length > 0);
  const ms = await page.evaluate(() => performance.getEntriesByName("myomap-interactive")[0].startTime);
  await ctx.close();
  return ms;
}

/** Input (end of the tap) to the next frame after the new marker is in the DOM. */
async function tapLatency(browser, markers) {
  const { ctx, page } = await throttledPage(browser);
  await page.goto(URL);
  await page.waitForSelector("[data-muscle]", { state: "attached" });
  // A device whose only data is a chart of `markers` points: it is carried into the database.
  await page.evaluate(async (raw) => {
    localStorage.clear();
    if (raw) localStorage.setItem("myomap.chart", raw);
    await new Promise((r) => { const q = indexedDB.deleteDatabase("myomap"); q.onsuccess = q.onerror = r; });
  }, markers ? seededChart(markers) : null);
  await page.reload();
  await page.waitForSelector("[data-muscle]", { state: "attached" });
  await page.waitForFunction((n) => document.querySelectorAll("[data-trp]").length === n, markers);
  await page.evaluate(() => {
    window.__lat = [];
    window.__work = [];
    document.addEventListener("pointerup", (e) => { window.__t0 = e.timeStamp; }, { capture: true });
    // The app's own work for a tap: from the click reaching the page to the end of its handlers
    // and the reactive updates they queue.
    document.addEventListener("click", () => {
      const t = performance.now();
      window.addEventListener("click", () => queueMicrotask(() => window.__work.push(performance.now() - t)), { once: true });
    }, { capture: true });
    const obs = new MutationObserver(() => {
      if (window.__t0 == null) return;
      const t0 = window.__t0;
      window.__t0 = null;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__lat.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    });
    document.querySelectorAll(".markers").forEach((m) => obs.observe(m, { childList: true }));
  });
  // Spots on the muscle far enough apart that no tap lands on an earlier marker.
  const spots = await page.evaluate(() => {
    const el = document.querySelector('figure[data-view="anterior"] path.layer-sup[data-muscle="rectus_abdominis"][data-side="right"]');
    const r = el.getBoundingClientRect();
    const out = [];
    for (let dy = 0.08; dy < 0.95 && out.length < 8; dy += 0.11) {
      const x = r.left + r.width / 2, y = r.top + r.height * dy;
      if (document.elementFromPoint(x, y) === el) out.push({ x, y });
    }
    return out;
  });
  for (let i = 0; i < spots.length; i++) {
    // A therapist's pace: two quick taps close together would be a double tap (zoom).
    await page.waitForTimeout(450);
    await page.touchscreen.tap(spots[i].x, spots[i].y);
    // Poll on a timer: the default rAF polling would itself load every frame being measured.
    await page.waitForFunction((k) => window.__lat.length >= k, i + 1, { polling: 100 });
  }
  const { lat, work } = await page.evaluate(() => ({ lat: window.__lat, work: window.__work }));
  const pointBytes = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open("myomap");
    open.onsuccess = () => {
      const all = open.result.transaction("records").objectStore("records").getAll(IDBKeyRange.bound("p/", "p/\uffff"));
      all.onsuccess = () => {
        const pts = all.result.filter((v) => typeof v === "string" && v.includes('"muscle"') && !v.includes('"started_at"'));
        resolve(pts.length ? pts.reduce((n, v) => n + v.length, 0) / pts.length : 0);
        open.result.close();
      };
    };
  }));
  if (process.env.BENCH_DEBUG) console.log(markers, "taps", lat.map((v) => v.toFixed(1)), "work", work.map((v) => v.toFixed(1)));
  await ctx.close();
  // The first tap also builds the point's record panel: reported on its own.
  return { first: lat[0], total: median(lat.slice(1)), work: median(work.slice(1)), pointBytes };
}

/** The same measurement on a bare page that appends one circle per tap: the floor that the
 * browser's input pipeline, frame timing and software raster impose under this throttling. */
async function baselineLatency(browser) {
  const { ctx, page } = await throttledPage(browser);
  await page.setContent(`<svg width="600" height="600" style="display:block"><rect width="600" height="600" fill="#eee"/><g id="m"></g></svg>`);
  await page.evaluate(() => {
    window.__lat = [];
    document.addEventListener("pointerup", (e) => { window.__t0 = e.timeStamp; }, { capture: true });
    document.addEventListener("click", (e) => {
      const c = document.createElementNS("http://www.w3.org/2000/svg", "circle");
      c.setAttribute("cx", e.clientX); c.setAttribute("cy", e.clientY); c.setAttribute("r", 6);
      document.getElementById("m").appendChild(c);
      const t0 = window.__t0;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__lat.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    });
  });
  for (let i = 0; i < 4; i++) {
    await page.touchscreen.tap(100 + i * 60, 200);
    // Poll on a timer: the default rAF polling would itself load every frame being measured.
    await page.waitForFunction((k) => window.__lat.length >= k, i + 1, { polling: 100 });
  }
  const lat = await page.evaluate(() => window.__lat);
  await ctx.close();
  return median(lat.slice(1));
}

/** Longest main-thread task while switching layers and views (portrait shows one view),
 * zooming with the buttons and region presets, and a pinch. */
async function longestTask(browser) {
  const { ctx, page } = await throttledPage(browser, { width: 768, height: 1024 });
  await page.goto(URL);
  await page.waitForSelector("[data-muscle]", { state: "attached" });
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration)))
      .observe({ type: "longtask" });
  });
  for (let i = 0; i < 3; i++) {
    await page.getByRole("button", { name: /Deep/ }).tap();
    await page.waitForTimeout(150);
    await page.getByRole("button", { name: i % 2 ? "Front" : "Back", exact: true }).tap();
    await page.waitForTimeout(150);
  }
  for (const preset of ["Head and neck", "Low back and pelvis", "Knee and leg"]) {
    await page.getByRole("button", { name: "Regions" }).tap();
    await page.getByRole("button", { name: preset }).tap();
    await page.waitForTimeout(500);
  }
  await page.getByRole("button", { name: "Reset zoom" }).tap();
  await page.waitForTimeout(400);
  for (let i = 0; i < 3; i++) {
    await page.getByRole("button", { name: "Zoom in" }).tap();
    await page.waitForTimeout(400);
  }
  const stage = await page.locator(".stage:visible").first().boundingBox();
  const c = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  const pts = (d) => [{ x: c.x - d, y: c.y, id: 1 }, { x: c.x + d, y: c.y, id: 2 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: pts(120) });
  for (let i = 1; i <= 12; i++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: pts(120 - i * 8) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await page.waitForTimeout(400);
  const long = await page.evaluate(() => window.__long);
  await ctx.close();
  return long.length ? Math.max(...long) : 0;
}

/** Seeds a clinic's records straight into the database, in Myomap's saved format (format 2):
 * `patients` patients, each with `visits` ended visits of `points` points with findings and a
 * needle each. Returns the ids of the patients. */
async function seedClinic(page, patients, visits, points) {
  return page.evaluate(async ({ patients, visits, points }) => {
    const surnames = ["Garcia", "Smith", "Nguyen", "Muller", "Rossi", "Kowalski", "Silva", "Haddad", "Okafor", "Tanaka",
      "Johansson", "Dubois", "Ivanova", "Cohen", "Moreno", "Walker", "Kim", "Novak", "Reyes", "Brown"];
    const muscles = ["upper_trapezius", "levator_scapulae", "infraspinatus", "gluteus_medius", "quadratus_lumborum",
      "gastrocnemius", "soleus", "piriformis", "teres_major", "biceps_femoris", "rhomboid_major", "supraspinatus",
      "tibialis_anterior", "vastus_lateralis", "gluteus_maximus"];
    const questions = ["bleeding", "pregnancy", "needle_fear", "local_infection", "lymphoedema", "metal_allergy",
      "immune_suppression", "pacemaker", "epilepsy"];
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open("myomap", 1);
      r.onupgradeneeded = () => r.result.createObjectStore("records");
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const day = 86400000;
    const t0 = Date.UTC(2026, 0, 5, 9);
    const ids = [];
    for (let p = 0; p < patients; p += 100) {
      await new Promise((res, rej) => {
        const tx = db.transaction("records", "readwrite");
        const st = tx.objectStore("records");
        for (let i = p; i < Math.min(p + 100, patients); i++) {
          const id = (t0 + i) * 1000 + 7;
          ids.push(id);
          const pts = [];
          for (let k = 0; k < points; k++) {
            const side = k % 2 ? "left" : "right";
            pts.push({ id: k + 1, muscle: muscles[k % muscles.length], side, at: { view: "posterior", x: (k % 2 ? -1 : 1) * (30 + k), y: 140 + k * 20 }, marked_at: t0 });
          }
          const last = t0 + (visits - 1) * 7 * day + (i % 50) * day;
          st.put(JSON.stringify({ id, name: `${surnames[i % 20]} ${String(i).padStart(4, "0")} Example`, dob: "1975-04-12", record_no: `MRN-${100000 + i}`, created: t0, last_visit: last }), `patients/${id}`);
          pts.forEach((pt) => st.put(JSON.stringify(pt), `p/${id}/pt/${String(pt.id).padStart(10, "0")}`));
          for (let v = 0; v < visits; v++) {
            const start = t0 + v * 7 * day + (i % 50) * day;
            const timers = pts.map((pt, k) => ({ id: 100 + v * 100 + k, trp: pt.id, duration: 900000, banked: 0, running_since: start + 300000, started_at: start + 300000, ended_at: start + 1200000 }));
            st.put(JSON.stringify({
              started_at: start, ended_at: start + 1800000,
              screening: { answers: questions.map((q) => ({ question: q, yes: false, answered_at: start + 60000 })) },
              timers,
              points: pts.map((pt, k) => ({ ...pt, findings: { nrs_before: 4 + (k % 5), nrs_after: 2 + (k % 3), twitches: k % 3, note: "Tender, reproduces the ache." } })),
            }), `p/${id}/v/${String(start).padStart(15, "0")}`);
          }
        }
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
    }
    {
      const tx = db.transaction("records", "readwrite");
      tx.objectStore("records").put(JSON.stringify({ app: "myomap", format: 2, current: ids[0] }), "meta");
      await new Promise((res) => (tx.oncomplete = res));
    }
    db.close();
    return ids;
  }, { patients, visits, points });
}

/** Installs a probe: from the next pointerup or keydown to the frame after every condition
 * holds ([selector, count, "eq" | "ge"]: how many elements match). */
async function probe(page, conditions) {
  await page.evaluate((conditions) => {
    window.__done = null;
    const test = () => conditions.every(([sel, n, op]) => {
      const k = document.querySelectorAll(sel).length;
      return op === "eq" ? k === n : k >= n;
    });
    let t0 = null;
    const start = (e) => { t0 = e.timeStamp; };
    document.addEventListener("pointerup", start, { capture: true, once: true });
    document.addEventListener("keydown", start, { capture: true, once: true });
    const obs = new MutationObserver(() => {
      if (t0 == null || !test()) return;
      obs.disconnect();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { window.__done = performance.now() - t0; };
        ch.port2.postMessage(0);
      });
    });
    obs.observe(document.body, { childList: true, subtree: true, attributes: true });
  }, conditions);
}

async function probed(page) {
  await page.waitForFunction(() => window.__done != null, null, { polling: 100, timeout: 30000 });
  return page.evaluate(() => window.__done);
}

/** Patient list, search and opening a chart with a clinic's records on the device. */
async function clinicScale(browser, rounds) {
  const { ctx, page } = await throttledPage(browser);
  await page.goto(URL);
  await page.waitForSelector("[data-muscle]", { state: "attached" });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await page.evaluate(() => new Promise((r) => { const q = indexedDB.deleteDatabase("myomap"); q.onsuccess = q.onerror = r; }));
  const ids = await seedClinic(page, 2000, 10, 15);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  const out = { list: [], search: [], open: [] };
  for (let i = 0; i < rounds; i++) {
    await page.reload();
    await page.waitForSelector("[data-trp]", { state: "attached" });
    await page.waitForTimeout(300);
    await probe(page, [["[data-patient]", 100, "ge"]]);
    await page.getByRole("button", { name: "Patients", exact: true }).tap();
    out.list.push(await probed(page));
    const search = page.getByLabel("Search patients by name or record number");
    // "garcia 00" lists five patients (Garcia 0000, 0020 ... 0080); one more digit leaves one.
    await search.fill("garcia 00");
    await page.waitForTimeout(300);
    await probe(page, [["[data-patient]", 1, "eq"]]);
    await search.press("2");
    out.search.push(await probed(page));
    const target = ids[(i * 37 + 500) % ids.length];
    await search.fill("");
    await page.waitForTimeout(200);
    await search.fill(String(100000 + ids.indexOf(target)));
    await page.waitForSelector(`[data-patient="${target}"]`);
    await page.waitForTimeout(300);
    await probe(page, [[`[data-current-patient="${target}"]`, 1, "eq"], ["[data-trp]", 15, "eq"]]);
    await page.locator(`[data-patient="${target}"]`).tap();
    out.open.push(await probed(page));
  }
  await ctx.close();
  return { list: median(out.list), search: median(out.search), open: median(out.open), raw: out };
}

async function main() {
  const server = spawn("node", ["scripts/serve.mjs", "dist", String(PORT)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  try {
    const size = firstLoad("dist");
    const runs = { interactive: [], tap0: [], tap500: [], first: [], work0: [], work500: [], baseline: [], longTask: [] };
    for (let i = 0; i < RUNS; i++) {
      runs.interactive.push(await timeToInteractive(browser));
      const t0 = await tapLatency(browser, 0);
      const t500 = await tapLatency(browser, 500);
      runs.tap0.push(t0.total);
      runs.first.push(t0.first);
      runs.work0.push(t0.work);
      runs.tap500.push(t500.total);
      runs.work500.push(t500.work);
      runs.baseline.push(await baselineLatency(browser));
      runs.longTask.push(await longestTask(browser));
      runs.pointBytes = t500.pointBytes;
      process.stdout.write(`run ${i + 1}/${RUNS} done\n`);
    }
    const clinic = await clinicScale(browser, RUNS);
    const result = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      cpuThrottle: THROTTLE,
      runs: RUNS,
      firstLoadKB: +(size.total / 1024).toFixed(1),
      interactiveMs: +median(runs.interactive).toFixed(0),
      tapMs0: +median(runs.tap0).toFixed(1),
      tapMs500: +median(runs.tap500).toFixed(1),
      tapWorkMs0: +median(runs.work0).toFixed(1),
      firstTapMs: +median(runs.first).toFixed(1),
      tapWorkMs500: +median(runs.work500).toFixed(1),
      tapFloorMs: +median(runs.baseline).toFixed(1),
      longestTaskMs: +median(runs.longTask).toFixed(0),
      patientListMs: +clinic.list.toFixed(0),
      patientSearchMs: +clinic.search.toFixed(0),
      openChartMs: +clinic.open.toFixed(0),
      bytesPerPoint: Math.round(runs.pointBytes),
      raw: { ...runs, clinic: clinic.raw },
    };
    const rows = [
      ["first load (brotli)", `${result.firstLoadKB} KB`, `<= ${BUDGET.firstLoadKB} KB`, result.firstLoadKB <= BUDGET.firstLoadKB],
      ["navigation to interactive map", `${result.interactiveMs} ms`, `<= ${BUDGET.interactiveMs} ms`, result.interactiveMs <= BUDGET.interactiveMs],
      ["tap to marker, 0 markers", `${result.tapMs0} ms`, `<= ${BUDGET.tapMs} ms`, result.tapMs0 <= BUDGET.tapMs],
      ["tap to marker, 500 markers", `${result.tapMs500} ms`, `<= ${BUDGET.tapMs} ms`, result.tapMs500 <= BUDGET.tapMs],
      ["longest task, layers/views/zoom", `${result.longestTaskMs} ms`, `<= ${BUDGET.longTaskMs} ms`, result.longestTaskMs <= BUDGET.longTaskMs],
      ["tap handling, 500 points", `${result.tapWorkMs500} ms`, `<= ${BUDGET.tapWork500Ms} ms`, result.tapWorkMs500 <= BUDGET.tapWork500Ms],
      ["patient list open (2,000)", `${result.patientListMs} ms`, `<= ${BUDGET.listMs} ms`, result.patientListMs <= BUDGET.listMs],
      ["search, keystroke to painted", `${result.patientSearchMs} ms`, `<= ${BUDGET.searchMs} ms`, result.patientSearchMs <= BUDGET.searchMs],
      ["open a patient's chart", `${result.openChartMs} ms`, `<= ${BUDGET.openChartMs} ms`, result.openChartMs <= BUDGET.openChartMs],
    ];
    console.log(`\nMyomap benchmark: Chromium ${result.chromium}, ${THROTTLE}x CPU throttling, median of ${RUNS} runs`);
    for (const [what, got, budget, ok] of rows) {
      console.log(`${what.padEnd(34)} ${got.padStart(10)}   budget ${budget.padEnd(10)} ${ok ? "ok" : "OVER"}`);
    }
    console.log(`  of which the app's own handling: ${result.tapWorkMs0} ms (0 markers), ${result.tapWorkMs500} ms (500 markers)`);
    console.log(`  the first tap after loading (builds the record panel): ${result.firstTapMs} ms`);
    console.log(`  floor of this measurement on a bare page (one circle per tap): ${result.tapFloorMs} ms`);
    console.log(`  bytes stored per trigger point record: ${result.bytesPerPoint}`);
    mkdirSync(".bench", { recursive: true });
    writeFileSync(".bench/results.json", JSON.stringify(result, null, 2));
    process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
