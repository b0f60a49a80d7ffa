// The screen lock: a passphrase set in Patients, "Lock" and the idle time lock the screen;
// locked, no name or record is on screen but the needle timers and the alarm are, and "Needle
// out" works; a wrong passphrase waits longer each time; a reload stays locked.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { allSaved, freshStart, PASSPHRASE, readDb, setPassphrase, startNeedle, startVisit, tapMuscle } from "./helpers.js";

test.use({ reducedMotion: "reduce" });

const PASS = PASSPHRASE;

/** Names the open patient "Maria Lopez": a name that must never show while locked. */
async function nameThePatient(page) {
  await page.locator("[data-current-patient]").tap();
  await page.getByLabel("Name", { exact: true }).fill("Maria Lopez");
  await page.getByRole("button", { name: "Save details" }).tap();
  await page.getByRole("button", { name: "Close" }).tap();
}

async function unlock(page, pass) {
  const screen = page.locator("#lock-screen");
  await screen.getByLabel("Passphrase").fill(pass);
  await screen.getByRole("button", { name: "Unlock" }).tap();
}

test("locked, names are hidden and needles stay in reach; a wrong passphrase waits; a reload stays locked", async ({ page }) => {
  await freshStart(page);
  await nameThePatient(page);
  // No passphrase yet: no "Lock" button.
  await expect(page.getByRole("button", { name: "Lock", exact: true })).toBeHidden();
  await startVisit(page);
  await startNeedle(page, "posterior", "upper_trapezius", "right", 10);
  await startNeedle(page, "posterior", "infraspinatus", "left", 20);
  await setPassphrase(page);

  await page.getByRole("button", { name: "Lock", exact: true }).tap();
  await expect(page.locator("html")).toHaveAttribute("data-locked", "");
  const screen = page.locator("#lock-screen");
  await expect(screen).toBeVisible();
  await expect(page.locator("[data-current-patient]")).toBeHidden();
  await expect(page.locator("[data-muscle]").first()).toBeHidden();
  // The timers: visible, with muscle and side only; "Needle out" works from here.
  const timers = page.locator("[data-timer]");
  await expect(timers).toHaveCount(2);
  await expect(timers.first()).toBeVisible();
  await expect(timers.first().locator(".timer-label")).toHaveText("Upper trapezius · Right");
  const visible = await page.evaluate(() => document.body.innerText);
  expect(visible).not.toContain("Maria");
  await timers.nth(1).getByRole("button", { name: "Needle out" }).tap();
  await expect(timers).toHaveCount(1);

  // Wrong twice: the second wrong try makes the next one wait.
  await unlock(page, "not it at all");
  await expect(screen.getByRole("alert")).toContainText("not the passphrase");
  await unlock(page, "still not it");
  await expect(screen.getByRole("alert")).toContainText(/Try again in \d+ s/);
  await expect(page.locator("html")).toHaveAttribute("data-locked", "");

  // A reload stays locked, and the wait holds. The records are sealed: the needle still in
  // shows by number on the lock screen, and by muscle once the passphrase is typed.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-locked", "");
  await expect(page.locator("[data-current-patient]")).toBeHidden();
  await expect(screen).toBeVisible();
  await expect(page.locator("[data-timer]")).toHaveCount(1);
  await expect(page.locator("[data-timer] .timer-label")).toHaveText("Needle 1");
  await page.waitForTimeout(1200);
  await unlock(page, PASS);
  await expect(page.locator("html")).not.toHaveAttribute("data-locked", /.*/);
  await expect(page.locator("[data-current-patient]")).toContainText("Maria Lopez");
  await expect(page.locator("[data-timer]")).toHaveCount(1);
});

test("after a reload, locked: the needles in count down by number, the alarm shows, and Needle out is kept for the visit", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
  await freshStart(page);
  await nameThePatient(page);
  await startVisit(page);
  await startNeedle(page, "posterior", "upper_trapezius", "right", 5);
  await startNeedle(page, "posterior", "infraspinatus", "left", 20);
  await setPassphrase(page);
  await allSaved(page);

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-locked", "");
  const timers = page.locator("#lock-screen [data-timer]");
  await expect(timers).toHaveCount(2);
  await expect(timers.nth(0).locator(".timer-label")).toHaveText("Needle 1");
  await expect(timers.nth(0)).toHaveAttribute("data-state", "running");
  await expect(timers.nth(1).locator(".timer-label")).toHaveText("Needle 2");
  // Neither the screen nor the database says whose needles or where.
  const shown = await page.evaluate(() => document.body.innerText);
  for (const s of ["Maria", "trapezius", "Infraspinatus"]) expect(shown, s).not.toContain(s);
  const raw = JSON.stringify(await readDb(page));
  expect(raw).toContain("board/");
  for (const s of ["Maria", "trapezius", "infraspinatus"]) expect(raw, s).not.toContain(s);

  // Due while locked: overdue in words and colour, and in the page's title.
  await page.clock.fastForward("06:00");
  await expect(timers.nth(0)).toHaveAttribute("data-state", "overdue");
  await expect(timers.nth(0)).toContainText("Overdue");
  await expect(page).toHaveTitle("Needle due · Myomap");
  const outAt = await page.evaluate(() => {
    const d = new Date();
    return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
  });
  await timers.nth(0).getByRole("button", { name: "Needle out" }).tap();
  await expect(timers).toHaveCount(1);
  await expect(timers.first().locator(".timer-label")).toHaveText("Needle 2");
  await expect(page).toHaveTitle("Myomap");
  // Kept through another reload; written into the visit with the passphrase, at its time.
  await page.reload();
  await expect(timers).toHaveCount(1);
  await page.clock.fastForward("02:00");
  await unlock(page, PASS);
  await expect(page.locator("html")).not.toHaveAttribute("data-locked", /.*/);
  await expect(page.locator("[data-timer]")).toHaveCount(1);
  await expect(page.locator("[data-timer] .timer-label")).toHaveText("Infraspinatus · Left");
  await page.getByRole("button", { name: "Report" }).tap();
  await expect(page.locator("#record-out")).toContainText(`09:00–${outAt}`);
  expect(outAt).not.toBe("09:08");
});

test("the passphrase is offered when a patient is created, and the tablet locks itself after the chosen time without a touch", async ({ page }) => {
  await page.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
  await freshStart(page);
  await page.getByRole("button", { name: "Patients" }).tap();
  await page.getByRole("button", { name: "New patient" }).tap();
  await expect(page.getByRole("button", { name: "Protect with a passphrase" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).tap();
  await page.getByRole("button", { name: "Close" }).tap();
  await setPassphrase(page, { idle: 2 });
  await page.getByRole("button", { name: "Patients" }).tap();
  await page.getByRole("button", { name: "New patient" }).tap();
  await expect(page.getByRole("button", { name: "Protect with a passphrase" })).toBeHidden();
  await page.getByRole("button", { name: "Cancel" }).tap();
  await page.getByRole("button", { name: "Close" }).tap();
  // A needle in, due in three minutes.
  await startVisit(page);
  await startNeedle(page, "posterior", "upper_trapezius", "right", 5);
  await page.clock.fastForward("01:30");
  await expect(page.locator("html")).not.toHaveAttribute("data-locked", /.*/);
  // A touch starts the count again.
  await page.locator(".map-area").tap({ position: { x: 5, y: 5 } }).catch(() => {});
  await page.clock.fastForward("01:30");
  await expect(page.locator("html")).not.toHaveAttribute("data-locked", /.*/);
  await page.clock.fastForward("00:40");
  await expect(page.locator("html")).toHaveAttribute("data-locked", "");
  await expect(page.locator("#lock-screen")).toBeVisible();
  // The needle comes due while locked: the alarm is on screen, naming muscle and side only.
  await page.clock.fastForward("02:00");
  const alarm = page.locator("[data-alarm]");
  await expect(alarm).toBeVisible();
  await expect(alarm).toContainText("Upper trapezius · Right");
  await alarm.getByRole("button", { name: "Needle out" }).first().tap();
  await expect(page.locator("[data-timer]")).toHaveCount(0);
  await unlock(page, PASS);
  await expect(page.locator("html")).not.toHaveAttribute("data-locked", /.*/);
});

test("the passphrase can be changed with the current one, and removed", async ({ page }) => {
  await freshStart(page);
  await setPassphrase(page);
  await page.getByRole("button", { name: "Patients" }).tap();
  await page.getByRole("button", { name: "Screen lock" }).tap();
  const d = page.locator("#lock-dialog");
  await d.getByLabel("Current passphrase").fill("wrong one here");
  await d.getByLabel("New passphrase (at least 8 characters)").fill("a newer phrase 2");
  await d.getByLabel("New passphrase again").fill("a newer phrase 2");
  await d.getByRole("button", { name: "Change passphrase" }).tap();
  await expect(d.getByRole("alert")).toContainText("passphrase");
  await d.getByLabel("Current passphrase").fill(PASS);
  await d.getByLabel("New passphrase (at least 8 characters)").fill("a newer phrase 2");
  await d.getByLabel("New passphrase again").fill("a newer phrase 2");
  await d.getByRole("button", { name: "Change passphrase" }).tap();
  await expect(d.locator(".lk-done")).toContainText("Passphrase changed");
  await d.getByRole("button", { name: "Lock now" }).tap();
  await unlock(page, PASS);
  await expect(page.locator("#lock-screen").getByRole("alert")).toContainText("not the passphrase");
  await unlock(page, "a newer phrase 2");
  await expect(page.locator("html")).not.toHaveAttribute("data-locked", /.*/);
  // Unlocked, the screen is as it was left: the patient list still open.
  await expect(page.locator('[data-dialog="patients"]')).toBeVisible();
  await page.getByRole("button", { name: "Screen lock" }).tap();
  await d.getByLabel("Current passphrase").fill("a newer phrase 2");
  await d.getByRole("button", { name: "Remove passphrase" }).tap();
  await expect(d.locator(".lk-done")).toContainText("no longer locks");
  await expect(page.getByRole("button", { name: "Lock", exact: true })).toBeHidden();
  await page.reload();
  await expect(page.locator("[data-current-patient]")).toBeVisible();
  await expect(page.locator("html")).not.toHaveAttribute("data-locked", /.*/);
  await expect(page.locator("html")).not.toHaveAttribute("data-lock-set", /.*/);
});

test("with a passphrase nothing readable is at rest; a reload reads the records only once it is typed", async ({ page }) => {
  await freshStart(page);
  await nameThePatient(page);
  await tapMuscle(page, "posterior", "upper_trapezius", "right");
  await page.getByLabel("Note").fill("Reproduces the temple headache");
  await allSaved(page);
  const plainText = ["Maria", "Lopez", "upper_trapezius", "temple headache"];
  const atRest = async () => JSON.stringify(await readDb(page)) + JSON.stringify(await page.evaluate(() => ({ ...localStorage })));
  for (const s of plainText) expect(await atRest()).toContain(s);

  await setPassphrase(page);
  const db = await readDb(page);
  expect(db.meta).toMatchObject({ format: 4, sealed: true });
  let raw = await atRest();
  for (const s of plainText) expect(raw, s).not.toContain(s);
  // A change made while sealed is sealed too.
  await page.waitForTimeout(400);
  await tapMuscle(page, "posterior", "infraspinatus", "left");
  await allSaved(page);
  raw = await atRest();
  for (const s of [...plainText, "infraspinatus"]) expect(raw, s).not.toContain(s);

  // A reload: locked, nothing read until the passphrase; then everything is there.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-locked", "");
  await expect(page.locator("#lock-screen")).toBeVisible();
  await unlock(page, PASS);
  await expect(page.locator("html")).not.toHaveAttribute("data-locked", /.*/);
  await expect(page.locator("[data-current-patient]")).toContainText("Maria Lopez");
  await expect(page.locator("[data-trp]")).toHaveCount(2);

  // A backup made while sealed holds the records (read through the key).
  await page.getByRole("button", { name: "Patients" }).tap();
  await page.getByRole("button", { name: "Backup and restore" }).tap();
  const b = page.locator("#backup-dialog");
  await b.getByRole("button", { name: "Export without a passphrase…" }).tap();
  const [file] = await Promise.all([page.waitForEvent("download"), b.getByRole("button", { name: "Export unprotected backup" }).tap()]);
  const backup = JSON.parse(readFileSync(await file.path(), "utf8"));
  expect(backup.patients[0].patient.name).toBe("Maria Lopez");
  expect(backup.patients[0].chart.trps).toHaveLength(2);
  // Sealed with the screen lock's own passphrase when no other is typed: it opens with it.
  const [sealedFile] = await Promise.all([page.waitForEvent("download"), b.getByRole("button", { name: "Export backup" }).tap()]);
  const sealedText = readFileSync(await sealedFile.path(), "utf8");
  expect(JSON.parse(sealedText).kind).toBe("sealed-backup");
  expect(sealedText).not.toContain("Maria");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), b.getByRole("button", { name: "Import backup" }).tap()]);
  await chooser.setFiles(await sealedFile.path());
  await b.getByLabel("This backup's passphrase").fill(PASS);
  await b.getByRole("button", { name: "Open backup" }).tap();
  await expect(b.locator(".bk-done")).toContainText("already on this device");
  await b.getByRole("button", { name: "Close" }).tap();
  await page.getByRole("button", { name: "Close" }).tap();

  // Removing the passphrase writes the records plain again.
  await page.getByRole("button", { name: "Patients" }).tap();
  await page.getByRole("button", { name: "Screen lock" }).tap();
  const d = page.locator("#lock-dialog");
  await d.getByLabel("Current passphrase").fill(PASS);
  await d.getByRole("button", { name: "Remove passphrase" }).tap();
  await expect(d.locator(".lk-done")).toContainText("no longer encrypted");
  expect((await readDb(page)).meta).toMatchObject({ format: 3 });
  expect((await readDb(page)).meta.sealed).toBeUndefined();
  raw = await atRest();
  for (const s of plainText) expect(raw, s).toContain(s);
  await page.reload();
  await expect(page.locator("[data-current-patient]")).toContainText("Maria Lopez");
  await expect(page.locator("[data-trp]")).toHaveCount(2);
});

test("sealed records on a page that lost the lock's flag are left untouched and the page starts over asking for the passphrase", async ({ page }) => {
  await freshStart(page);
  await nameThePatient(page);
  await setPassphrase(page);
  const sealed = await readDb(page);
  // The flag in local storage is gone (cleared, or never reached the disk).
  await page.evaluate(() => localStorage.removeItem("myomap.lock"));
  // The page finds the records sealed, sets the flag again and starts over, locked.
  await page.reload();
  await expect(page.locator("#lock-screen")).toBeVisible();
  expect(await readDb(page)).toEqual(sealed);
  await unlock(page, PASS);
  await expect(page.locator("[data-current-patient]")).toContainText("Maria Lopez");
});
