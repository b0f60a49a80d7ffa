// Part of the post-build hook (scripts/csp.mjs runs it first, release builds only): makes the
// first load smaller without changing what the app does.
//
// 1. The streams adapters that a Leptos dependency exports to JavaScript (IntoUnderlyingSource,
//    -Sink, -ByteSource: Myomap never streams a server response) are dropped from the wasm's
//    exports (and their classes from the glue), and wasm-opt then removes the code only they
//    reached.
// 2. Every import of the wasm module (wasm-bindgen names them "__wbg_<name>_<16 hex digits>")
//    gets a short name, the same in the wasm and in its JavaScript glue: about 230 long,
//    hard-to-compress names in each file (and their module, "./myomap_bg.js", becomes "m").
// 3. wasm-opt optimises for size again after the drop, then flattens the code, rebuilds its
//    control flow (--flatten --rereloop) and optimises for size once more: 1.9 KB brotli less
//    than -Oz alone; start-up and taps measured side by side were unchanged.
// If the wasm's preload link is pinned by a hash in index.html, the new hash is written there.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repin } from "./minify-glue.mjs";

const UNUSED_EXPORTS = /^(__wbg_)?intounderlying/;
// Features of the build (as Trunk's wasm-opt call in index.html names them).
const FEATURES = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

function readLeb(buf, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}

function sections(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  const out = [];
  let p = 8;
  while (p < buf.length) {
    const start = p;
    const id = buf[p++];
    let len;
    [len, p] = readLeb(buf, p);
    out.push({ id, start, body: p, end: p + len });
    p += len;
  }
  return out;
}

function name(buf, at) {
  let len;
  [len, at] = readLeb(buf, at);
  return [buf.subarray(at, at + len).toString("utf8"), at + len];
}

/** Rewrites one section of a module: `edit(body)` returns the new body. */
function rewrite(buf, id, edit) {
  const parts = [buf.subarray(0, 8)];
  for (const s of sections(buf)) {
    if (s.id !== id) {
      parts.push(buf.subarray(s.start, s.end));
      continue;
    }
    const body = edit(buf.subarray(s.body, s.end));
    parts.push(Buffer.from([id]), leb(body.length), body);
  }
  return Buffer.concat(parts);
}

/** The export section without the exports whose name matches `drop`. */
function dropExports(buf, drop) {
  let dropped = 0;
  const out = rewrite(buf, 7, (body) => {
    let [count, p] = readLeb(body, 0);
    const keep = [];
    for (let i = 0; i < count; i++) {
      const start = p;
      let field;
      [field, p] = name(body, p);
      p += 1; // kind
      [, p] = readLeb(body, p);
      if (drop.test(field)) dropped++;
      else keep.push(body.subarray(start, p));
    }
    return Buffer.concat([leb(keep.length), ...keep]);
  });
  return [out, dropped];
}

/** Short, distinct names: a b ... z A ... Z aa ab ... (property keys only, never variables). */
function shortName(i) {
  const abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let s = "";
  do {
    s = abc[i % abc.length] + s;
    i = Math.floor(i / abc.length) - 1;
  } while (i >= 0);
  return `_${s}`;
}

/** The import section with every import of `module` renamed, and the module itself named "m";
 * returns the renaming. */
function renameImports(buf, module) {
  const renamed = new Map();
  const out = rewrite(buf, 2, (body) => {
    let [count, p] = readLeb(body, 0);
    const parts = [leb(count)];
    for (let i = 0; i < count; i++) {
      let mod;
      let field;
      const modStart = p;
      [mod, p] = name(body, p);
      const modEnd = p;
      [field, p] = name(body, p);
      const descStart = p;
      const kind = body[p++];
      if (kind === 0) [, p] = readLeb(body, p);
      else if (kind === 1) {
        p += 1;
        const flags = body[p++];
        [, p] = readLeb(body, p);
        if (flags & 1) [, p] = readLeb(body, p);
      } else if (kind === 2) {
        const flags = body[p++];
        [, p] = readLeb(body, p);
        if (flags & 1) [, p] = readLeb(body, p);
      } else if (kind === 3) p += 2;
      else throw new Error(`import kind ${kind}`);
      let newField = field;
      if (mod === module) {
        if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
        newField = renamed.get(field);
      }
      const f = Buffer.from(newField, "utf8");
      const m = mod === module ? Buffer.from([1, 0x6d]) : body.subarray(modStart, modEnd); // "m"
      parts.push(m, leb(f.length), f, body.subarray(descStart, p));
    }
    return Buffer.concat(parts);
  });
  return [out, renamed];
}

export function slimWasm(dir) {
  if (process.env.TRUNK_PROFILE === "debug") return;
  const htmlFile = join(dir, "index.html");
  let html = readFileSync(htmlFile, "utf8");
  for (const wasmName of readdirSync(dir).filter((f) => /^myomap-[0-9a-f]+_bg\.wasm$/.test(f))) {
    const wasmFile = join(dir, wasmName);
    const jsFile = wasmFile.replace(/_bg\.wasm$/, ".js");
    const before = readFileSync(wasmFile);
    let js = readFileSync(jsFile, "utf8");

    const [stripped, dropped] = dropExports(before, UNUSED_EXPORTS);
    const tmp = `${wasmFile}.tmp`;
    writeFileSync(tmp, stripped);
    const local = join(process.cwd(), "node_modules", ".bin", "wasm-opt");
    // The producers and target-features sections say how the module was built: the browser
    // has no use for them.
    execFileSync(existsSync(local) ? local : "wasm-opt",
      [...FEATURES, "-Oz", "--flatten", "--rereloop", "-Oz", "--strip-producers", "--strip-target-features", tmp, "-o", tmp], { stdio: "inherit" });
    const optimised = readFileSync(tmp);
    rmSync(tmp);

    // The glue imports the module as "./<crate>_bg.js" (wasm-bindgen's --target web).
    const module = "./myomap_bg.js";
    const [renamedWasm, renamed] = renameImports(optimised, module);
    let replaced = 0;
    js = js.replace(/\b__wb(?:g|indgen)_[A-Za-z0-9_]+\b/g, (m) => {
      const to = renamed.get(m);
      if (to === undefined) return m;
      replaced++;
      return to;
    });
    const quoted = new RegExp(`(["'])${module.replace(/[./]/g, "\\$&")}\\1`, "g");
    const keys = (js.match(quoted) || []).length;
    if (keys !== 1) {
      console.error(`slim-wasm.mjs: the glue names the module "${module}" ${keys} times (expected once)`);
      process.exit(1);
    }
    js = js.replace(quoted, '"m"');
    const missing = [...renamed.keys()].filter((k) => !js.includes(renamed.get(k)));
    if (missing.length) {
      console.error(`slim-wasm.mjs: imports not found in the glue: ${missing.slice(0, 5).join(", ")}`);
      process.exit(1);
    }
    // The glue's classes for those exports go too (nothing else names them).
    const unusedClasses = js
      .replace(/^export class IntoUnderlying\w+ \{[\s\S]*?^\}\n/gm, "")
      .replace(/^if \(Symbol\.dispose\) IntoUnderlying.*\n/gm, "")
      .replace(/^const IntoUnderlying\w+Finalization = [\s\S]*?;\n/gm, "");
    if (!/IntoUnderlying/.test(unusedClasses)) js = unusedClasses;
    else console.warn("slim-wasm.mjs: the glue still names the stream adapters; their classes are kept");
    writeFileSync(wasmFile, renamedWasm);
    writeFileSync(jsFile, js);

    html = repin(html, wasmName, renamedWasm);
    console.log(
      `slim-wasm.mjs: ${wasmName} ${before.length} -> ${renamedWasm.length} bytes; ${dropped} unused exports dropped, ${renamed.size} imports renamed (${replaced} places in the glue)`,
    );
  }
  writeFileSync(htmlFile, html);
}
