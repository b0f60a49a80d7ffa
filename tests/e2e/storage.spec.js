// Nothing lost: an old chart that cannot be read is kept aside, data from a newer Myomap is left
// alone, and a write the database refuses is reported while what was kept stays as it was.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { freshStart, readDb, savedChart, startWithOldChart, tapMuscle, allSaved } from "./helpers.js";

const DAMAGED = '{"app":"myomap","schema":1,"chart":{"trps":[{"id":1,"muscle":"upper_trap';
const asideKeys = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("myomap.unreadable."))
      .map((k) => localStorage.getItem(k)),
  );

test("a damaged old chart is kept aside once with a clear message and the app still works", async ({ page }) => {
  await startWithOldChart(page, DAMAGED);
  const banner = page.getByRole("alert");
  await expect(banner).toContainText("could not be read");
  await expect(banner).toContainText("kept aside");
  expect(await asideKeys(page)).toEqual([DAMAGED]);

  await page.getByRole("button", { name: "Dismiss message" }).tap();
  await expect(banner).toHaveCount(0);
  await tapMuscle(page, "anterior", "sternocleidomastoid", "left");
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  await allSaved(page);
  await page.reload();
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  // Kept aside once: no second copy, no message again, the original untouched.
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(await asideKeys(page)).toEqual([DAMAGED]);
});

test("a chart from a newer Myomap is left untouched and nothing is saved over it", async ({ page }) => {
  const newer = '{"app":"myomap","schema":99,"chart":{"whatever":true}}';
  await startWithOldChart(page, newer);
  await expect(page.getByRole("alert")).toContainText("newer version");
  await tapMuscle(page, "anterior", "tibialis_anterior", "right");
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem("myomap.chart"))).toBe(newer);
});

test("a write the database refuses (full quota) is reported, marked Not saved, and leaves what was kept", async ({ page }) => {
  await freshStart(page);
  await tapMuscle(page, "anterior", "tibialis_anterior", "right");
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  // The first point's records are written in the task after its frame: wait until they are.
  await allSaved(page);
  const before = await readDb(page);
  // From now on the device is full: every write of a record is refused.
  await page.evaluate(() => {
    window.__put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await tapMuscle(page, "anterior", "tibialis_anterior", "left");
  // The marker shows at once; the screen does not pretend it is kept.
  await expect(page.locator("[data-trp]")).toHaveCount(2);
  await expect(page.getByRole("alert")).toContainText("storage is full");
  await expect(page.getByRole("alert")).toContainText("NOT saved");
  await expect(page.locator("[data-saved]")).toHaveAttribute("data-saved", "false");
  await expect(page.locator("[data-saved]")).toHaveText("Not saved");
  expect(await readDb(page)).toEqual(before);
  expect((await savedChart(page)).points).toHaveLength(1);

  // Space is freed: "Save again" keeps everything on screen, and says so.
  await page.evaluate(() => { IDBObjectStore.prototype.put = window.__put; });
  await page.getByRole("button", { name: "Save again" }).tap();
  await expect(page.locator("[data-saved]")).toHaveAttribute("data-saved", "true");
  await expect(page.getByRole("alert")).toContainText("everything on screen is kept");
  await page.reload();
  await expect(page.locator("[data-trp]")).toHaveCount(2);
});

test("with no database at all, Myomap says plainly that nothing will be kept", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", { get: () => undefined });
  });
  await page.goto("/");
  await expect(page.getByRole("alert")).toContainText("cannot keep your work");
  await tapMuscle(page, "anterior", "tibialis_anterior", "right");
  await expect(page.locator("[data-trp]")).toHaveCount(1);
  await expect(page.locator("[data-saved]")).toHaveAttribute("data-saved", "false");
});

test("records the previous release wrote (format 2) open as they were and are marked format 3", async ({ page }) => {
  // The previous release's own records (tests/fixtures/v2-records.json): a patient with three
  // points, an ended visit and a visit under way with a needle in, written before consent existed.
  const v2 = JSON.parse(readFileSync(new URL("../fixtures/v2-records.json", import.meta.url)));
  await page.clock.install({ time: 1796202300000 + 5 * 60000 });
  await freshStart(page);
  await page.evaluate(
    (records) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("myomap");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("records", "readwrite");
          const store = tx.objectStore("records");
          store.clear();
          for (const [k, v] of Object.entries(records)) store.put(v, k);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    v2,
  );
  await page.reload();
  await expect(page.locator('[data-current-patient="7"]')).toBeAttached();
  await expect(page.locator('figure[data-view="posterior"] [data-trp]')).toHaveCount(3);
  await expect(page.locator("[data-timer]")).toHaveCount(1);
  await expect(page.locator("[data-timer]")).toHaveAttribute("data-state", "running");
  // No consent is invented: the visit bar says so.
  await expect(page.locator(".consent-state")).toHaveAttribute("data-consent", "none");
  const db = await readDb(page);
  expect(db.meta.format).toBe(3);
  expect(db["p/7/open"].visit.adverse).toEqual(["bruising"]);
  expect(Object.keys(db).filter((k) => k.startsWith("p/7/v/"))).toHaveLength(1);
});
