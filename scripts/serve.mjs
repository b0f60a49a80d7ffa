// Serves a built Myomap (dist/) on 127.0.0.1 with correct MIME types and no caching surprises,
// brotli-compressed as a real host serves it: text and wasm go out with `Content-Encoding: br`
// when the browser accepts it (and plain when it does not), so that what the browser downloads
// and decodes here is what a tablet downloads from a real host.
// Usage: node scripts/serve.mjs [dir] [port]
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";

const compress = promisify(brotliCompress);

const root = process.argv[2] || "dist";
const port = Number(process.argv[3] || process.env.PORT || 8080);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".ico": "image/x-icon",
};
// Formats that shrink under brotli; images are compressed already.
const compressible = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".svg", ".json", ".webmanifest"]);

// Brotli at the highest quality is slow (seconds for the wasm on a slow machine), so each file
// is compressed once, in the background from start-up on, and again only when it changes on disk
// (a rebuild). A request for a file still being compressed waits for it. The server listens at
// once (scripts that wait a moment after starting it keep working) and says "brotli ready" when
// every file is compressed, for the benchmark, which must not time that wait.
const brCache = new Map();

function brotli(path, body, mtimeMs) {
  const hit = brCache.get(path);
  if (hit && hit.mtimeMs === mtimeMs && hit.size === body.length) return hit.br;
  const br = compress(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  brCache.set(path, { mtimeMs, size: body.length, br });
  return br;
}

/** Whether the request's Accept-Encoding lists br without refusing it (`br;q=0`). */
function acceptsBrotli(req) {
  return String(req.headers["accept-encoding"] || "").split(",").some((part) => {
    const [name, ...params] = part.trim().split(";").map((s) => s.trim());
    const q = params.find((p) => p.startsWith("q="));
    return name === "br" && (!q || Number(q.slice(2)) > 0);
  });
}

/** Compresses every compressible file under `dir` into the cache. */
async function precompress(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !compressible.has(extname(entry.name))) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    const [body, info] = await Promise.all([readFile(file), stat(file)]);
    await brotli(file, body, info.mtimeMs);
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
  if (path.endsWith("/")) path += "index.html";
  try {
    const file = join(root, path);
    const [body, info] = await Promise.all([readFile(file), stat(file)]);
    const headers = {
      "Content-Type": types[extname(path)] || "application/octet-stream",
      "Cache-Control": path.endsWith(".html") ? "no-cache" : "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    };
    let out = body;
    if (compressible.has(extname(path))) {
      // Caches between here and the browser must keep the plain and the compressed copy apart.
      headers["Vary"] = "Accept-Encoding";
      if (acceptsBrotli(req)) {
        out = await brotli(file, body, info.mtimeMs);
        headers["Content-Encoding"] = "br";
      }
    }
    headers["Content-Length"] = out.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : out);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not found");
  }
}).listen(port, "127.0.0.1", () => {
  console.log(`Myomap served at http://127.0.0.1:${port}/ from ${root}`);
  precompress(root).then(() => console.log("brotli ready"), (e) => console.error(`brotli: ${e.message}`));
});
