// Lighthouse's view of Myomap's start-up, beside the peer page's (bench/peer), each served
// brotli-compressed by scripts/serve.mjs as a real host serves it. Lighthouse's default mobile
// emulation (a mid-range phone: simulated slow 4G and 4x CPU), categories performance,
// accessibility and best practices, median of LIGHTHOUSE_RUNS runs (default 3), Myomap and the
// peer interleaved. scripts/bench.mjs runs it after its own measurements; on its own:
// `node scripts/lighthouse.mjs` (prints the table, writes .bench/lighthouse.json, exits 1 if a
// budget is missed). Reports of every run are kept in .bench/lighthouse/.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { MYOMAP_URL, PEER_URL, buildPages, serveAll } from "./bench-pages.mjs";

const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);
const OUT = ".bench/lighthouse";
const BUDGET = { performance: 95, tbtMs: 100, accessibility: 100, bestPractices: 100 };
const LIGHTHOUSE_VERSION = JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8")).version;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One Lighthouse run of `url` through its command line; resolves to the parsed report. */
function runLighthouse(url, reportPath) {
  const args = [url, "--only-categories=performance,accessibility,best-practices",
    "--chrome-flags=--headless --no-sandbox --disable-gpu",
    "--output=json", `--output-path=${reportPath}`, "--quiet"];
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/lighthouse", args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || "/usr/bin/chromium" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => { err += d; });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse ${url} exited with ${code}: ${err.trim().slice(-2000)}`));
      resolve(JSON.parse(readFileSync(reportPath, "utf8")));
    });
  });
}

/** The figures the budgets look at, and what Lighthouse blames, from one report. */
function figures(report) {
  if (report.runtimeError) throw new Error(`lighthouse ${report.requestedUrl}: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const score = (id) => Math.round(report.categories[id].score * 100);
  const audit = (id) => report.audits[id];
  // Audits that lower a category's score, for the reader to act on.
  const failing = (cat) => report.categories[cat].auditRefs
    .filter((ref) => ref.weight > 0 && audit(ref.id).score !== null && audit(ref.id).score < 1)
    .map((ref) => {
      const a = audit(ref.id);
      const first = a.details?.items?.[0];
      const what = [first?.description ?? first?.node?.snippet, first?.sourceLocation?.url ?? first?.url].filter(Boolean).join(": ");
      return what ? `${a.title} (${String(what).slice(0, 120)})` : a.title;
    });
  const lcp = audit("largest-contentful-paint-element").details?.items ?? [];
  return {
    performance: score("performance"),
    tbtMs: Math.round(audit("total-blocking-time").numericValue),
    lcpMs: Math.round(audit("largest-contentful-paint").numericValue),
    fcpMs: Math.round(audit("first-contentful-paint").numericValue),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    longTasks: (audit("long-tasks").details?.items ?? []).slice(0, 5).map((t) => ({ url: t.url, ms: Math.round(t.duration) })),
    lcpElement: lcp[0]?.items?.[0]?.node?.nodeLabel ?? null,
    lcpPhases: Object.fromEntries((lcp[1]?.items ?? []).map((p) => [p.phase, Math.round(p.timing)])),
    failing: { accessibility: failing("accessibility"), bestPractices: failing("best-practices") },
  };
}

/** Median of every figure over the runs; the details come from the run with the median score. */
function summarize(list) {
  const pick = (k) => median(list.map((f) => f[k]));
  const byScore = [...list].sort((a, b) => a.performance - b.performance)[Math.floor((list.length - 1) / 2)];
  return {
    performance: pick("performance"), tbtMs: pick("tbtMs"), lcpMs: pick("lcpMs"), fcpMs: pick("fcpMs"),
    accessibility: pick("accessibility"), bestPractices: pick("bestPractices"),
    medianRun: { longTasks: byScore.longTasks, lcpElement: byScore.lcpElement, lcpPhases: byScore.lcpPhases, failing: byScore.failing },
    raw: list.map(({ performance, tbtMs, lcpMs, accessibility, bestPractices }) => ({ performance, tbtMs, lcpMs, accessibility, bestPractices })),
  };
}

/** Runs Lighthouse on Myomap and the peer (both must be served) and checks Myomap's budgets. */
export async function lighthouseAll() {
  mkdirSync(OUT, { recursive: true });
  const got = { myomap: [], peer: [] };
  for (let i = 0; i < RUNS; i++) {
    got.myomap.push(figures(await runLighthouse(MYOMAP_URL, `${OUT}/myomap-${i + 1}.json`)));
    got.peer.push(figures(await runLighthouse(PEER_URL, `${OUT}/peer-${i + 1}.json`)));
    process.stdout.write(`lighthouse run ${i + 1}/${RUNS} done\n`);
  }
  const myomap = summarize(got.myomap);
  const peer = summarize(got.peer);
  const checks = [
    ["performance score", myomap.performance >= BUDGET.performance, `>= ${BUDGET.performance}`],
    ["total blocking time", myomap.tbtMs <= BUDGET.tbtMs, `<= ${BUDGET.tbtMs} ms`],
    ["largest contentful paint", myomap.lcpMs <= peer.lcpMs, "<= the peer's"],
    ["accessibility", myomap.accessibility >= BUDGET.accessibility, `= ${BUDGET.accessibility}`],
    ["best practices", myomap.bestPractices >= BUDGET.bestPractices, `= ${BUDGET.bestPractices}`],
  ].map(([what, ok, budget]) => ({ what, ok, budget }));
  return { runs: RUNS, lighthouseVersion: LIGHTHOUSE_VERSION, date: new Date().toISOString(), myomap, peer, checks };
}

/** Prints Myomap's and the peer's figures with Myomap's budgets; `ok` is whether all are met. */
export function lighthouseTable(lh) {
  if (lh.error) {
    console.log(`\nLighthouse could not run: ${lh.error}`);
    return { ok: false };
  }
  const { myomap: m, peer: p } = lh;
  console.log(`\nLighthouse ${lh.lighthouseVersion}, default mobile emulation, served with brotli, median of ${lh.runs} runs`);
  console.log(`${"".padEnd(26)} ${"Myomap".padStart(8)} ${"peer".padStart(8)}   budget (Myomap)`);
  const line = (what, a, b, check) => console.log(
    `${what.padEnd(26)} ${String(a).padStart(8)} ${String(b).padStart(8)}   ${check.budget.padEnd(14)} ${check.ok ? "ok" : "OVER"}`);
  const c = Object.fromEntries(lh.checks.map((k) => [k.what, k]));
  line("performance score", m.performance, p.performance, c["performance score"]);
  line("total blocking time", `${m.tbtMs} ms`, `${p.tbtMs} ms`, c["total blocking time"]);
  line("largest contentful paint", `${m.lcpMs} ms`, `${p.lcpMs} ms`, c["largest contentful paint"]);
  line("accessibility", m.accessibility, p.accessibility, c["accessibility"]);
  line("best practices", m.bestPractices, p.bestPractices, c["best practices"]);
  const r = m.medianRun;
  console.log(`  Myomap's long tasks: ${r.longTasks.map((t) => `${t.ms} ms (${t.url})`).join(", ") || "none"}`);
  console.log(`  Myomap's LCP element: ${r.lcpElement}; ${Object.entries(r.lcpPhases).map(([k, v]) => `${k} ${v} ms`).join(", ")}`);
  for (const [cat, list] of Object.entries(r.failing)) if (list.length) console.log(`  Myomap's ${cat} loses points on: ${list.join("; ")}`);
  return { ok: lh.checks.every((k) => k.ok) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildPages();
  const stop = await serveAll(process.env.LH_DIST || "dist");
  try {
    const lh = await lighthouseAll().catch((e) => ({ error: e.message }));
    const { ok } = lighthouseTable(lh);
    writeFileSync(".bench/lighthouse.json", JSON.stringify(lh, null, 2));
    process.exitCode = ok ? 0 : 1;
  } finally {
    stop();
  }
}
