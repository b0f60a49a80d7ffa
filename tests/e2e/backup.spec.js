// Backup and restore: every patient in one file, sealed with a passphrase (or plain after a
// warning); taken back on a fresh device as it was; and every bad file refused with a plain
// message, the device's records untouched.
import { test, expect } from "@playwright/test";
import { readFileSync, writeFileSync, truncateSync } from "node:fs";
import { history, startWithRecords, NAME, PID } from "./history.js";
import { readDb, appShown, wipeDevice } from "./helpers.js";

const PASS = "river stone lamp 42";

async function openBackup(page) {
  await page.getByRole("button", { name: "Patients" }).tap();
  await page.getByRole("button", { name: "Backup and restore" }).tap();
  const dialog = page.locator("#backup-dialog");
  await expect(dialog).toBeVisible();
  return dialog;
}

async function exportBackup(page, dialog, { pass } = {}) {
  if (pass) {
    await dialog.getByLabel("Passphrase (at least 8 characters)").fill(pass);
    await dialog.getByLabel("Passphrase again").fill(pass);
  }
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    pass
      ? dialog.getByRole("button", { name: "Export backup" }).tap()
      : dialog.getByRole("button", { name: "Export unprotected backup" }).tap(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

async function importFile(page, dialog, file) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), dialog.getByRole("button", { name: "Import backup" }).tap()]);
  await chooser.setFiles(file);
}

/** A value with what Myomap leaves out when unset (false, 0, "", [], {}, null) left out, so
 * that records written by hand and by Myomap compare by meaning. */
function canon(v) {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === "object") {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      const c = canon(x);
      const empty = c === false || c === 0 || c === "" || c === null || (Array.isArray(c) && !c.length) || (c && typeof c === "object" && !Array.isArray(c) && !Object.keys(c).length);
      if (!empty) out[k] = c;
    }
    return out;
  }
  return v;
}

/** A patient's records by meaning, for comparing devices (a fresh device has its own empty
 * first patient besides). */
function patientRecords(db) {
  return canon(Object.fromEntries(Object.entries(db).filter(([k]) => k === `patients/${PID}` || k.startsWith(`p/${PID}/`))));
}

test("a sealed backup moves every patient and visit to a fresh device", async ({ page, browser }, info) => {
  const { records } = history();
  await startWithRecords(page, records);
  let dialog = await openBackup(page);
  await expect(dialog.locator(".bk-last")).toHaveAttribute("data-last-backup", "never");
  // Too short, then not the same twice.
  await dialog.getByLabel("Passphrase (at least 8 characters)").fill("short");
  await expect(dialog.locator(".bk-hint")).toHaveText("Strength: too short.");
  await dialog.getByRole("button", { name: "Export backup" }).tap();
  await expect(dialog.getByRole("alert")).toContainText("at least 8 characters");
  await dialog.getByLabel("Passphrase (at least 8 characters)").fill(PASS);
  await dialog.getByLabel("Passphrase again").fill(PASS + "x");
  await dialog.getByRole("button", { name: "Export backup" }).tap();
  await expect(dialog.getByRole("alert")).toContainText("differ");
  const file = await exportBackup(page, dialog, { pass: PASS });
  expect(file.name).toMatch(/^myomap-backup-\d{4}-\d\d-\d\d\.json$/);
  await expect(dialog.locator(".bk-done")).toContainText("1 patient, 3 visits, sealed with the passphrase");
  await expect(dialog.locator(".bk-last")).not.toHaveAttribute("data-last-backup", "never");
  // Nothing of the record is readable in the file.
  const sealed = JSON.parse(file.text);
  expect(sealed).toMatchObject({ app: "myomap", kind: "sealed-backup", format: 1, kdf: "PBKDF2-SHA-256", iterations: 600000 });
  for (const plain of ["María", "López", "MX-2231", "infraspinatus", "Upper trapezius", "tolerated well"]) expect(file.text).not.toContain(plain);
  const before = patientRecords(await readDb(page));

  // A new tablet: a fresh profile with nothing on it.
  const fresh = await browser.newContext({ ...info.project.use, baseURL: info.project.use.baseURL ?? page.url().replace(/\/[^/]*$/, "") });
  const other = await fresh.newPage();
  await other.goto("/");
  await appShown(other);
  await wipeDevice(other);
  await other.reload();
  await appShown(other);
  const path = info.outputPath("backup.json");
  writeFileSync(path, file.text);
  dialog = await openBackup(other);
  await importFile(other, dialog, path);
  await expect(dialog.locator(".bk-done")).toContainText("sealed with a passphrase");
  await dialog.getByLabel("This backup's passphrase").fill("not the passphrase");
  await dialog.getByRole("button", { name: "Open backup" }).tap();
  await expect(dialog.getByRole("alert")).toContainText("The passphrase does not open this backup");
  await dialog.getByLabel("This backup's passphrase").fill(PASS);
  await dialog.getByRole("button", { name: "Open backup" }).tap();
  await expect(dialog.locator(".bk-done")).toContainText("Added 1 patient and 3 visits.");
  await dialog.getByRole("button", { name: "Reload Myomap" }).tap();
  await appShown(other);
  expect(patientRecords(await readDb(other))).toEqual(before);
  await other.getByRole("button", { name: "Patients" }).tap();
  await expect(other.locator(`[data-patient="${PID}"]`)).toContainText(NAME);
  // The same file again adds nothing.
  await other.getByRole("button", { name: "Backup and restore" }).tap();
  await importFile(other, dialog, path);
  await dialog.getByLabel("This backup's passphrase").fill(PASS);
  await dialog.getByRole("button", { name: "Open backup" }).tap();
  await expect(dialog.locator(".bk-done")).toContainText("already on this device");
  await fresh.close();
});

test("every bad backup file is refused with its reason and changes nothing", async ({ page }, info) => {
  const { records, visits } = history();
  await startWithRecords(page, records);
  const dialog = await openBackup(page);
  await dialog.getByRole("button", { name: "Export without a passphrase…" }).tap();
  await expect(dialog.getByText("anyone who gets this file can read")).toBeVisible();
  const plain = await exportBackup(page, dialog);
  expect(plain.name).toMatch(/-unprotected\.json$/);
  const good = JSON.parse(plain.text);
  expect(good.patients[0].patient.name).toBe(NAME);
  const db = await readDb(page);

  const conflicting = structuredClone(good);
  conflicting.patients[0].chart.visits[0].notes = "Written on another tablet";
  const duplicate = structuredClone(good);
  duplicate.patients.push(structuredClone(good.patients[0]));
  const big = info.outputPath("big.json");
  writeFileSync(big, "");
  truncateSync(big, 100 * 1024 * 1024 + 1);
  const cases = [
    ["truncated", plain.text.slice(0, plain.text.length / 2), "cut short or damaged"],
    ["another app", JSON.stringify({ title: "Shopping list", items: ["milk"] }), "not a Myomap backup"],
    ["a visit export", JSON.stringify({ app: "myomap", kind: "visit", format: 1 }), "export of one visit"],
    ["newer", JSON.stringify({ ...good, format: 2 }), "newer Myomap"],
    ["duplicate", JSON.stringify(duplicate), "twice"],
    ["conflicting", JSON.stringify(conflicting), "disagree"],
  ];
  for (const [what, text, message] of cases) {
    const path = info.outputPath(`${what.replace(/ /g, "-")}.json`);
    writeFileSync(path, text);
    await importFile(page, dialog, path);
    await expect(dialog.getByRole("alert"), what).toContainText(message);
    await expect(dialog.getByRole("alert"), what).toContainText("Nothing on this device was changed.");
    expect(await readDb(page), what).toEqual(db);
  }
  await importFile(page, dialog, big);
  await expect(dialog.getByRole("alert")).toContainText("never larger than 100 MB");
  expect(await readDb(page)).toEqual(db);
  // The visit stays as it was on this device.
  expect((await readDb(page))[`p/${PID}/v/${String(visits[0].started_at).padStart(15, "0")}`].notes).toBe(visits[0].notes);
});

test("a week without a backup is said in the Patients dialog, and a backup clears it", async ({ page }) => {
  const { records } = history();
  await startWithRecords(page, records);
  const reminder = () => page.locator('[data-dialog="patients"] .dialog-actions').evaluate((e) => getComputedStyle(e, "::before").content);
  await page.getByRole("button", { name: "Patients" }).tap();
  await expect.poll(reminder).toContain("No backup in the last 7 days");
  await page.getByRole("button", { name: "Backup and restore" }).tap();
  const dialog = page.locator("#backup-dialog");
  await dialog.getByRole("button", { name: "Export without a passphrase…" }).tap();
  await exportBackup(page, dialog);
  await dialog.getByRole("button", { name: "Close" }).tap();
  await expect.poll(reminder).toBe("none");
  // Kept through a reload; said again once the last backup is over a week old.
  await page.reload();
  await appShown(page);
  await page.getByRole("button", { name: "Patients" }).tap();
  await expect.poll(reminder).toBe("none");
  await page.evaluate(() => localStorage.setItem("myomap.backup-at", String(Date.now() - 8 * 86400000)));
  await page.reload();
  await appShown(page);
  await page.getByRole("button", { name: "Patients" }).tap();
  await expect.poll(reminder).toContain("No backup in the last 7 days");
});
