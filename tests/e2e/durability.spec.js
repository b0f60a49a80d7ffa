// Nothing lost when the browser dies: a Chromium on a persistent profile, killed outright
// (SIGKILL to its whole process group) 150 ms after a new point shows, then started again on
// the same profile, still has the point.
import { test, expect, chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS } from "../../playwright.config.js";
import { muscleSel, showView, touchPoint } from "./helpers.js";

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

test("a point survives the browser being killed 150 ms after it shows", async ({ baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "landscape", "one browser kill is enough");
  const profile = mkdtempSync(join(tmpdir(), "myomap-kill-"));
  try {
    let { child, page } = await startBrowser(profile);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(baseURL);
    await expect(page.locator("[data-muscle]").first()).toBeAttached();
    await showView(page, "posterior");
    const p = await touchPoint(page, muscleSel("posterior", "infraspinatus", "right"));
    await page.mouse.click(p.x, p.y);
    await expect(page.locator("[data-trp]")).toHaveCount(1);
    const id = await page.locator("[data-trp]").getAttribute("data-trp");
    await new Promise((r) => setTimeout(r, 150));
    await kill(child);

    ({ child, page } = await startBrowser(profile));
    await page.goto(baseURL);
    await expect(page.locator(`[data-trp="${id}"]`)).toHaveCount(1);
    await expect(page.locator("[data-trp]")).toHaveCount(1);
    await kill(child);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
