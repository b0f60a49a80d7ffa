// Part of the post-build hook (scripts/csp.mjs runs it first): minifies the JavaScript glue
// that wasm-bindgen writes (Trunk's own minifier gives up on it) and pins the new file by its
// hash in index.html if it carries one. Release builds only: about 2 KB less to download on every
// first load.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

export function minifyGlue(dir) {
  if (process.env.TRUNK_PROFILE === "debug") return;
  const htmlFile = join(dir, "index.html");
  let html = readFileSync(htmlFile, "utf8");
  for (const name of readdirSync(dir).filter((f) => /^myomap-[0-9a-f]+\.js$/.test(f))) {
    const file = join(dir, name);
    const before = readFileSync(file, "utf8");
    const { code } = transformSync(before, { minify: true, format: "esm", target: "es2020", legalComments: "none" });
    writeFileSync(file, code);
    const integrity = `sha384-${createHash("sha384").update(code, "utf8").digest("base64")}`;
    // The preload link carries the file's hash; it must be the hash of what is served.
    const link = new RegExp(`(<link[^>]*href="?/${name.replace(/\./g, "\\.")}"?[^>]*integrity=)"?sha384-[^" >]+"?`);
    // (index.html asks Trunk for no integrity hashes: the files come from the page's own
    // origin. Should one be there, it must match what is served.)
    const alt = new RegExp(`(<link[^>]*integrity=)"?sha384-[^" >]+"?([^>]*href="?/${name.replace(/\./g, "\\.")}"?)`);
    if (link.test(html)) html = html.replace(link, `$1"${integrity}"`);
    else if (alt.test(html)) html = html.replace(alt, `$1"${integrity}"$2`);
    console.log(`minify-glue.mjs: ${name} ${before.length} -> ${code.length} bytes`);
}
writeFileSync(htmlFile, html);
}
