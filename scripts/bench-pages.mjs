// The pages Myomap is measured against, and the static servers that serve them and Myomap,
// shared by scripts/bench.mjs and scripts/lighthouse.mjs:
// - bench/peer: a React 18 page drawing react-body-highlighter's body, where a tap highlights a
//   muscle; bundled here with esbuild (minified, production React) into .bench/pages/peer/;
// - bench/bare: an SVG that appends one circle per tap, the floor of the tap measurement.
// All of them go through scripts/serve.mjs (brotli when accepted), so that every page reaches
// the browser by the same HTTP path.
import { build } from "esbuild";
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";

export const MYOMAP_PORT = 4199;
export const PAGES_PORT = 4195; // 4198 is the screenshots script's
export const PAGES_DIR = ".bench/pages";
export const MYOMAP_URL = `http://127.0.0.1:${MYOMAP_PORT}/`;
export const PEER_URL = `http://127.0.0.1:${PAGES_PORT}/peer/`;
export const BARE_URL = `http://127.0.0.1:${PAGES_PORT}/bare/`;

/** Bundles the peer page and copies both pages into PAGES_DIR. */
export async function buildPages() {
  mkdirSync(`${PAGES_DIR}/peer`, { recursive: true });
  mkdirSync(`${PAGES_DIR}/bare`, { recursive: true });
  await build({
    entryPoints: ["bench/peer/main.jsx"],
    outfile: `${PAGES_DIR}/peer/main.js`,
    bundle: true,
    minify: true,
    jsx: "automatic",
    // React's production build: without this it ships its development checks.
    define: { "process.env.NODE_ENV": '"production"' },
    target: "es2020",
    logLevel: "warning",
  });
  copyFileSync("bench/peer/index.html", `${PAGES_DIR}/peer/index.html`);
  copyFileSync("bench/bare/index.html", `${PAGES_DIR}/bare/index.html`);
}

/** Starts scripts/serve.mjs on `dir` and resolves once it listens with every file compressed,
 * so that no timed load waits for the compression. */
export function serve(dir, port) {
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["scripts/serve.mjs", dir, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`serve.mjs ${dir} exited with ${code} (port ${port} taken?)`)));
    let said = "";
    child.stdout.on("data", (d) => {
      said += d;
      if (said.includes("brotli ready")) resolve(child);
    });
  });
}

/** Serves Myomap's build and the comparison pages; returns a function that stops both. */
export async function serveAll(dist = "dist") {
  const servers = [await serve(dist, MYOMAP_PORT), await serve(PAGES_DIR, PAGES_PORT)];
  return () => servers.forEach((s) => { s.removeAllListeners("exit"); s.kill(); });
}
