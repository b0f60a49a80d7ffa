// Part of the post-build hook (scripts/csp.mjs runs it first): minifies the JavaScript glue
// that wasm-bindgen writes (Trunk's own minifier gives up on it), marks it for eager
// compilation and pins the new file by its hash in index.html if it carries one. Release
// builds only: about 2 KB less to download on every first load.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

/**
 * index.html with the integrity hash of file `name` (if a link carries one) set to that of
 * `bytes`, what is now served. (index.html asks Trunk for no integrity hashes: the files come
 * from the page's own origin. Should one be there, it must match.)
 */
export function repin(html, name, bytes) {
  const integrity = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const escaped = name.replace(/\./g, "\\.");
  const link = new RegExp(`(<link[^>]*href="?/${escaped}"?[^>]*integrity=)"?sha384-[^" >]+"?`);
  const alt = new RegExp(`(<link[^>]*integrity=)"?sha384-[^" >]+"?([^>]*href="?/${escaped}"?)`);
  if (link.test(html)) return html.replace(link, `$1"${integrity}"`);
  if (alt.test(html)) return html.replace(alt, `$1"${integrity}"$2`);
  return html;
}

export function minifyGlue(dir) {
  if (process.env.TRUNK_PROFILE === "debug") return;
  const htmlFile = join(dir, "index.html");
  let html = readFileSync(htmlFile, "utf8");
  for (const name of readdirSync(dir).filter((f) => /^myomap-[0-9a-f]+\.js$/.test(f))) {
    const file = join(dir, name);
    const before = readFileSync(file, "utf8");
    const { code: small } = transformSync(before, { minify: true, format: "esm", target: "es2020", legalComments: "none" });
    // Every function of the glue runs while the app starts (the wasm's imports, start-up's
    // first calls), so Chromium is told to compile them all as the file streams in, off the
    // main thread, rather than each on its first call. About 13 ms (4x CPU throttle) sooner
    // to an interactive map in A/B runs; other browsers read it as a comment. It must be the
    // file's first line.
    const code = `//# allFunctionsCalledOnLoad\n${small}`;
    writeFileSync(file, code);
    html = repin(html, name, Buffer.from(code, "utf8"));
    console.log(`minify-glue.mjs: ${name} ${before.length} -> ${code.length} bytes`);
  }
  writeFileSync(htmlFile, html);
}
