// First-load transfer of a release build, brotli-compressed as a static host would serve it:
// the page and everything it loads before the map is usable: index.html and the app's js, wasm
// and css that index.html names (its stylesheet, preloads and loader). The service worker
// (sw.js, registered after the page has loaded, then fetching the build's files in the
// background), the manifest and the icons (read by the browser for installing) are not part of
// it and are not counted. Exits non-zero above the budget. Usage: node scripts/size-check.mjs [dist]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

export const BUDGET_BYTES = 300 * 1024;

export function firstLoad(dist) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  // Addresses in attributes (href, src) and in Trunk's loader (import ... from, module_or_path).
  const named = html.matchAll(/(?:\b(?:href|src)=|\bfrom\s*|module_or_path:\s*)["'`]?\/?([\w.-]+\.(?:js|wasm|css))\b/g);
  const files = ["index.html", ...new Set([...named].map((m) => m[1]))];
  const rows = files.map((f) => {
    const raw = readFileSync(join(dist, f));
    const br = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }).length;
    return { file: f, raw: raw.length, brotli: br };
  });
  return { rows, total: rows.reduce((s, r) => s + r.brotli, 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] || "dist";
  const { rows, total } = firstLoad(dist);
  const html = rows.find((r) => r.file === "index.html");
  if (!html || !rows.some((r) => r.file.endsWith(".wasm"))) {
    console.error(`size-check: ${dist} has no index.html or wasm: build first`);
    process.exit(2);
  }
  for (const r of rows) console.log(`${r.file.padEnd(40)} ${String(r.raw).padStart(8)} B raw ${String(r.brotli).padStart(8)} B brotli`);
  const kb = (total / 1024).toFixed(1);
  console.log(`first load: ${kb} KB brotli (budget ${BUDGET_BYTES / 1024} KB)`);
  if (total > BUDGET_BYTES) {
    console.error(`size-check: first load ${kb} KB is over the ${BUDGET_BYTES / 1024} KB budget`);
    process.exit(1);
  }
}
