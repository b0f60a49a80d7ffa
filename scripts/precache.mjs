// Part of the post-build hook (scripts/csp.mjs runs it last, once index.html is final): writes
// into the built sw.js the list of every file of the build and a version made from their names
// and contents, so the service worker keeps exactly this build on the device and a new build is
// a new version. Trunk hashes file names, so the list can only come from the build output.
// Debug builds get an empty list: `trunk serve` always shows the files as they are now.
// Can be run again on a built directory: node scripts/precache.mjs dist
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const WORKER = "sw.js";

/** Every file under `dir` but the worker itself, as root-relative URLs, sorted. */
function buildFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join("/"))
    .filter((f) => f !== WORKER)
    .sort()
    .map((f) => `/${f}`);
}

export function writePrecache(dir, { debug = process.env.TRUNK_PROFILE === "debug" } = {}) {
  const file = join(dir, WORKER);
  let sw = readFileSync(file, "utf8");
  const files = debug ? [] : buildFiles(dir);
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${f}\n`).update(createHash("sha256").update(readFileSync(join(dir, f))).digest());
  const version = debug ? "dev" : hash.digest("hex").slice(0, 16);
  const versionLine = /^const VERSION = .*;$/m;
  const filesLine = /^const FILES = .*;$/m;
  if (!versionLine.test(sw) || !filesLine.test(sw)) {
    console.error(`precache.mjs: ${file} has no VERSION or FILES line`);
    process.exit(1);
  }
  sw = sw.replace(versionLine, `const VERSION = ${JSON.stringify(version)};`);
  sw = sw.replace(filesLine, `const FILES = ${JSON.stringify(files)};`);
  writeFileSync(file, sw);
  console.log(`precache.mjs: ${files.length} file(s), version ${version}`);
  return { version, files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2]) {
    console.error("usage: node scripts/precache.mjs DIR");
    process.exit(2);
  }
  writePrecache(process.argv[2]);
}
