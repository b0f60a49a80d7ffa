// Offline and installable: after one online visit the service worker has every file of the
// build, so the app loads and works with the server gone; a new build waits and is offered only
// while no needle is in; the manifest and worker meet Chromium's install criteria.
// Playwright's offline switch does not stop a service worker's own fetches, so these tests run
// their own static server (scripts/serve.mjs) on a port of their own and stop it for real.
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appShown, startNeedle, startVisit, tapMuscle } from "./helpers.js";

// Tests in this file run one after another (one port).
test.describe.configure({ mode: "serial" });

const PORT = Number(process.env.E2E_PORT || 4173) + 100;
const ORIGIN = `http://127.0.0.1:${PORT}`;

/** Serves `dir` on PORT in a child process; resolves once it listens. */
async function serve(dir) {
  const child = spawn(process.execPath, ["scripts/serve.mjs", dir, String(PORT)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    child.stdout.on("data", (d) => String(d).includes("served at") && resolve());
  });
  return child;
}

/** Stops a server and makes sure nothing answers on PORT any more. */
async function stop(child) {
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await gone;
  await expect(fetch(`${ORIGIN}/`)).rejects.toThrow();
}

/** Waits until a service worker controls the page (its files are all cached by then). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  return page.evaluate(async () => (await navigator.serviceWorker.ready).active.scriptURL);
}

let server;
test.afterEach(async () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  server = null;
});

test("the worker is registered only once the app is on screen and ready for its first tap", async ({ page }) => {
  server = await serve("dist");
  // When register is called, against when the app says it is ready (myomap-rehearsed).
  await page.addInitScript(() => {
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => {
      window.__registeredAt = performance.now();
      return register(...args);
    };
  });
  await page.goto(`${ORIGIN}/`);
  await appShown(page);
  expect(await controlled(page)).toBe(`${ORIGIN}/sw.js`);
  const [registered, ready] = await page.evaluate(() => [window.__registeredAt, performance.getEntriesByName("myomap-rehearsed")[0]?.startTime]);
  expect(ready, "the app marked itself ready").toBeGreaterThan(0);
  expect(registered).toBeGreaterThanOrEqual(ready);
});

test("after one online load the app loads and works with the server stopped", async ({ page }) => {
  server = await serve("dist");
  await page.goto(`${ORIGIN}/`);
  await appShown(page);
  expect(await controlled(page)).toBe(`${ORIGIN}/sw.js`);
  // What the worker keeps is every file of the build (its list is written by the build).
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith("myomap-")));
    return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
  });
  const built = JSON.parse(readFileSync("dist/sw.js", "utf8").match(/^const FILES = (.*);$/m)[1]);
  expect(built).toContain("/index.html");
  expect(built.some((f) => f.endsWith(".wasm"))).toBe(true);
  expect(cached).toEqual(built);

  await stop(server);
  const responses = [];
  page.on("response", (r) => responses.push(r));
  await page.reload();
  await appShown(page);
  expect(responses.length).toBeGreaterThan(3);
  for (const r of responses) expect(r.fromServiceWorker(), r.url()).toBe(true);

  // Chart a point and put a needle in, all without a network.
  await startVisit(page);
  await tapMuscle(page, "posterior", "upper_trapezius", "right");
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  await page.getByRole("button", { name: "Start timer" }).tap();
  await expect(page.locator("[data-timer]")).toHaveCount(1);
  await expect(page.locator("html")).toHaveAttribute("data-needle-in", "");
  // And it is all still there after another offline reload.
  await page.reload();
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  await expect(page.locator("[data-timer]")).toHaveCount(1);
});

test("the manifest is valid and its icons are PNGs of their size", async ({ page }) => {
  server = await serve("dist");
  await page.goto(`${ORIGIN}/`);
  await appShown(page);
  await controlled(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await page.evaluate(async (href) => (await fetch(href)).json(), href);
  expect(manifest.name).toBe("Myomap");
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.display).toBe("standalone");
  expect(manifest.start_url).toBe("/");
  expect(manifest.scope).toBe("/");
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const icons = await page.evaluate(async (icons) => {
    const out = [];
    for (const icon of icons) {
      const res = await fetch(icon.src);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
      const bitmap = await createImageBitmap(new Blob([bytes]));
      out.push({ ...icon, ok: res.ok, png, actual: `${bitmap.width}x${bitmap.height}` });
    }
    return out;
  }, manifest.icons);
  for (const icon of icons) {
    expect(icon.ok, icon.src).toBe(true);
    expect(icon.png, icon.src).toBe(true);
    expect(icon.type).toBe("image/png");
    expect(icon.actual, icon.src).toBe(icon.sizes);
  }
  const has = (size, purpose) => icons.some((i) => i.sizes === size && (i.purpose || "any").split(" ").includes(purpose));
  expect(has("192x192", "any")).toBe(true);
  expect(has("512x512", "any")).toBe(true);
  expect(icons.some((i) => (i.purpose || "").includes("maskable"))).toBe(true);

});

test("Chromium finds Myomap installable: no manifest error, no installability error", async ({ playwright }, testInfo) => {
  // Chromium never offers installing in an incognito profile, which every test context is:
  // this check runs in a profile on disk.
  server = await serve("dist");
  const profile = mkdtempSync(join(tmpdir(), "myomap-profile-"));
  const { viewport, hasTouch, isMobile, launchOptions } = testInfo.project.use;
  const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, viewport, hasTouch, isMobile });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${ORIGIN}/`);
    await appShown(page);
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const parsed = await cdp.send("Page.getAppManifest");
    expect(parsed.url).toBe(`${ORIGIN}/manifest.webmanifest`);
    expect(parsed.errors).toEqual([]);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test("a new version waits while a needle is in, is offered once it is out, and Reload brings it", async ({ page }) => {
  // Two builds: this one, and the same with a changed page (its worker list and version are
  // written again by the build's own step, as a new build would have them).
  const root = mkdtempSync(join(tmpdir(), "myomap-update-"));
  const next = join(root, "next");
  try {
    cpSync("dist", next, { recursive: true });
    const index = join(next, "index.html");
    writeFileSync(index, readFileSync(index, "utf8").replace("<title>", '<meta name="build" content="next"><title>'));
    const { writePrecache } = await import("../../scripts/precache.mjs");
    const { version } = writePrecache(next, { debug: false });
    const current = readFileSync("dist/sw.js", "utf8").match(/^const VERSION = "(.*)";$/m)[1];
    expect(version).not.toBe(current);

    server = await serve("dist");
    await page.goto(`${ORIGIN}/`);
    await appShown(page);
    await controlled(page);
    await startVisit(page);
    await startNeedle(page, "posterior", "upper_trapezius", "right");
    await expect(page.locator("[data-timer]")).toHaveCount(1);

    // The new build goes up at the same address; the browser looks for an update.
    await stop(server);
    server = await serve(next);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration()).waiting !== null, null, { timeout: 30_000 });
    const update = page.locator(".update");
    // Waiting, not offered: a needle is in. A reload keeps the version the visit started with.
    await page.waitForTimeout(1000);
    await expect(update).toHaveCount(0);
    await page.reload();
    await appShown(page);
    await expect(page.locator("[data-timer]")).toHaveCount(1);
    await expect(page.locator('meta[name="build"]')).toHaveCount(0);
    await page.waitForTimeout(1000);
    await expect(update).toHaveCount(0);

    // The needle comes out: the offer appears, quietly.
    await page.locator("[data-timer]").getByRole("button", { name: "Needle out" }).tap();
    await expect(page.locator("[data-timer]")).toHaveCount(0);
    await expect(update).toContainText("A new version is ready");
    // A needle going in again takes the offer away.
    await page.waitForTimeout(400);
    await startNeedle(page, "posterior", "upper_trapezius", "left");
    await expect(update).toHaveCount(0);
    await page.locator("[data-timer]").getByRole("button", { name: "Needle out" }).tap();
    await expect(update).toBeVisible();

    await update.getByRole("button", { name: "Reload" }).tap();
    await expect(page.locator('meta[name="build"]')).toHaveAttribute("content", "next");
    await appShown(page);
    expect(await controlled(page)).toBe(`${ORIGIN}/sw.js`);
    const caches_ = await page.evaluate(() => caches.keys());
    expect(caches_).toEqual([`myomap-${version}`]);
    await expect(update).toHaveCount(0);
    // The visit's record is still there.
    await expect(page.locator("[data-trp]")).toHaveCount(2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
