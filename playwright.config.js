// End-to-end tests: the release build served on 127.0.0.1, driven by touch in Debian's
// Chromium at the two tablet sizes Myomap is designed for.
import { defineConfig } from "@playwright/test";

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT || 4173);
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--autoplay-policy=no-user-gesture-required",
];

const tablet = (width, height) => ({
  viewport: { width, height },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 1,
  launchOptions: { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS },
});

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  // One worker: two Chromiums on this 2-core machine can stretch a tap into a long press.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "off",
  },
  projects: [
    { name: "landscape", use: tablet(1024, 768) },
    { name: "portrait", use: tablet(768, 1024) },
  ],
  webServer: {
    command: `node scripts/serve.mjs dist ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
