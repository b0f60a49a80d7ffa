// Trunk post-build hook: writes Myomap's Content-Security-Policy into the staged index.html.
// Nothing may be fetched from another origin; the only inline scripts allowed are Trunk's
// loader and index.html's service worker registration, each pinned by its SHA-256 hash.
// Then the service worker gets the build's file list (scripts/precache.mjs).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minifyGlue } from "./minify-glue.mjs";
import { slimWasm } from "./slim-wasm.mjs";
import { writePrecache } from "./precache.mjs";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error("csp.mjs: no TRUNK_STAGING_DIR");
  process.exit(1);
}
// The wasm and its glue are made smaller first, then the glue is minified: their new hashes go
// into index.html before the policy is written.
slimWasm(dir);
minifyGlue(dir);
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const hashes = [];
// Trunk adds nonce attributes to its inline scripts; a fixed nonce protects nothing, so drop
// them and allow exactly these scripts by hash.
html = html.replace(/<script([^>]*?)\snonce="[^"]*"([^>]*)>/g, "<script$1$2>");
html = html.replace(/<link([^>]*?)\snonce="[^"]*"([^>]*)>/g, "<link$1$2>");
// Trunk leaves the stylesheet's data-integrity="none" (index.html asks for no hashes) in place.
html = html.replace(/\sdata-integrity=("none"|none)/g, "");
// The start-up screen (index.html's #boot: the header and the opening words) is painted before
// the app's wasm is asked for: Trunk's loader waits for the first frame, and its preload link
// goes. Fetched during the parse, the wasm (about 300 KB) was part of what the first paint
// waited for on a slow connection (Lighthouse counted its download in the largest contentful
// paint: 2.5 s on simulated slow 4G, against 0.8 s for the page's own first paint). A tab
// opened in the background, which draws no frames, starts at once.
const wasmPreload = /<link(?=[^>]*\brel=("preload"|preload)\b)(?=[^>]*\.wasm\b)[^>]*>/g;
if ((html.match(wasmPreload) ?? []).length !== 1) {
  console.error("csp.mjs: expected one preload link for the app's wasm");
  process.exit(1);
}
html = html.replace(wasmPreload, "");
const loaderInit = /(<script type=("module"|module)>\s*import init, \* as bindings from '[^']+';\s*)(const wasm = await init\()/;
if (!loaderInit.test(html)) {
  console.error("csp.mjs: Trunk's loader script is not in the expected form");
  process.exit(1);
}
html = html.replace(loaderInit, (_, head, _q, init) => head +
  "await new Promise((go) => { if (document.hidden) return go(); requestAnimationFrame(() => setTimeout(go)); setTimeout(go, 500); });\n" + init);
// The inline scripts ship without their comment lines and indentation (index.html keeps them for
// its readers): every line stays a line, so nothing changes how they run.
html = html.replace(/(<script(?![^>]*\bsrc=)[^>]*>)([\s\S]*?)(<\/script>)/g, (_, open, body, close) =>
  open + body.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("//")).join("\n") + close);
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
}
const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // Same origin only: the wasm module, and Trunk's live-reload socket during development.
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");
if (!html.includes("CSP_PLACEHOLDER")) {
  console.error("csp.mjs: index.html has no CSP placeholder");
  process.exit(1);
}
// A minified page may carry the placeholder unquoted (content=CSP_PLACEHOLDER): the policy has
// spaces and quotes, so always write it as a double-quoted attribute value.
html = html.replace(/"CSP_PLACEHOLDER"|CSP_PLACEHOLDER/, `"${policy}"`);
writeFileSync(file, html);
console.log(`csp.mjs: policy written with ${hashes.length} script hash(es)`);
// Last, once every file is final: the service worker's list of the build's files and its version.
writePrecache(dir);
