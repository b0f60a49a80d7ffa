// Nothing lost when the browser dies: a Chromium on a persistent profile, killed outright
// (SIGKILL to its whole process group) 150 ms after a new point shows, then started again on
// the same profile, still has the point; the same with the records sealed by a passphrase.
import { test, expect, chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS } from "../../playwright.config.js";
import { muscleSel, PASSPHRASE, setPassphrase, showView, touchPoint } from "./helpers.js";

const PORT = 9333;

async function startBrowser(profile) {
  const child = spawn(
    "/usr/bin/chromium",
    [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, `--remote-debugging-port=${PORT}`, "--window-size=1024,768", "about:blank"],
    { detached: true, stdio: "ignore" },
  );
  let browser;
  for (let i = 0; i < 100 && !browser; i++) {
    try {
      browser = await chromium.connectOverCDP(`http://127.0.0.1:${PORT}`);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  expect(browser, "Chromium started").toBeTruthy();
  const page = browser.contexts()[0].pages()[0] ?? (await browser.contexts()[0].newPage());
  return { child, browser, page };
}

function kill(child) {
  return new Promise((resolve) => {
    child.once("exit", resolve);
    process.kill(-child.pid, "SIGKILL");
  });
}

/** Runs `body` on a fresh profile; `start` starts Chromium on it. Whatever browser is running
 * at the end is killed, also when a step failed, so that none is left holding the port. */
async function onFreshProfile(body) {
  const profile = mkdtempSync(join(tmpdir(), "myomap-kill-"));
  let child;
  const start = async () => {
    const started = await startBrowser(profile);
    child = started.child;
    return started;
  };
  try {
    await body(start);
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) await kill(child);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Opens Myomap in a 1024x768 window and waits for the map. */
async function openMap(page, baseURL) {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(baseURL);
  await expect(page.locator("[data-muscle]").first()).toBeAttached();
}

/** Marks a point and kills the browser 150 ms after the marker shows; the point's id. */
async function markThenKill(page, child) {
  await showView(page, "posterior");
  const p = await touchPoint(page, muscleSel("posterior", "infraspinatus", "right"));
  await page.mouse.click(p.x, p.y);
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  const id = await page.locator("[data-trp]").getAttribute("data-trp");
  await new Promise((r) => setTimeout(r, 150));
  await kill(child);
  return id;
}

test("a point survives the browser being killed 150 ms after it shows", async ({ baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "landscape", "one browser kill is enough");
  await onFreshProfile(async (start) => {
    let { child, page } = await start();
    await openMap(page, baseURL);
    const id = await markThenKill(page, child);

    ({ page } = await start());
    await page.goto(baseURL);
    await expect(page.locator(`[data-trp="${id}"]`)).toHaveCount(1);
    await expect(page.locator("[data-trp]")).toHaveCount(1);
  });
});

test("with the records sealed by a passphrase, a point survives the same kill and opens with it", async ({ baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "landscape", "one browser kill is enough");
  await onFreshProfile(async (start) => {
    let { child, page } = await start();
    await openMap(page, baseURL);
    await setPassphrase(page, { press: "click" });
    const id = await markThenKill(page, child);

    ({ page } = await start());
    await page.goto(baseURL);
    const screen = page.locator("#lock-screen");
    await expect(screen).toBeVisible();
    await screen.getByLabel("Passphrase").fill(PASSPHRASE);
    await screen.getByRole("button", { name: "Unlock" }).click();
    await expect(page.locator(`[data-trp="${id}"]`)).toHaveCount(1);
    await expect(page.locator("[data-trp]")).toHaveCount(1);
  });
});
