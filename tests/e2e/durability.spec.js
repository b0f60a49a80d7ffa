// Nothing lost when the browser dies: a Chromium on a persistent profile, killed outright
// (SIGKILL to its whole process group) 150 ms after a new point shows, then started again on
// the same profile, still has the point; the same with the records sealed by a passphrase.
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
  let child;
  try {
    let page;
    ({ child, page } = await startBrowser(profile));
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
  } finally {
    // Also when a step failed: no browser is left holding the debugging port.
    if (child && child.exitCode === null && child.signalCode === null) await kill(child);
    rmSync(profile, { recursive: true, force: true });
  }
});

test("with the records sealed by a passphrase, a point survives the same kill and opens with it", async ({ baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "landscape", "one browser kill is enough");
  const PASS = "quiet harbour 1984";
  const profile = mkdtempSync(join(tmpdir(), "myomap-kill-"));
  let child;
  try {
    let page;
    ({ child, page } = await startBrowser(profile));
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(baseURL);
    await expect(page.locator("[data-muscle]").first()).toBeAttached();
    await page.getByRole("button", { name: "Patients" }).click();
    await page.getByRole("button", { name: "Screen lock" }).click();
    const d = page.locator("#lock-dialog");
    await d.getByLabel("New passphrase (at least 8 characters)").fill(PASS);
    await d.getByLabel("New passphrase again").fill(PASS);
    await d.getByRole("button", { name: "Set passphrase" }).click();
    await expect(d.locator(".lk-done")).toContainText("Passphrase set");
    await d.getByRole("button", { name: "Close" }).click();
    await page.getByRole("button", { name: "Close" }).click();
    await showView(page, "posterior");
    const p = await touchPoint(page, muscleSel("posterior", "infraspinatus", "right"));
    await page.mouse.click(p.x, p.y);
    await expect(page.locator("[data-trp]")).toHaveCount(1);
    const id = await page.locator("[data-trp]").getAttribute("data-trp");
    await new Promise((r) => setTimeout(r, 150));
    await kill(child);

    ({ child, page } = await startBrowser(profile));
    await page.goto(baseURL);
    const screen = page.locator("#lock-screen");
    await expect(screen).toBeVisible();
    await screen.getByLabel("Passphrase").fill(PASS);
    await screen.getByRole("button", { name: "Unlock" }).click();
    await expect(page.locator(`[data-trp="${id}"]`)).toHaveCount(1);
    await expect(page.locator("[data-trp]")).toHaveCount(1);
  } finally {
    // Also when a step failed: no browser is left holding the debugging port.
    if (child && child.exitCode === null && child.signalCode === null) await kill(child);
    rmSync(profile, { recursive: true, force: true });
  }
});
