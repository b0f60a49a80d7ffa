// A patient with a history, written straight into Myomap's database as the current format
// saves it (docs/format.md): three ended visits a week apart, the last with 20 needled points.
import { expect } from "@playwright/test";
import { appShown, wipeDevice } from "./helpers.js";

export const PID = 1001;
export const NAME = "María López García";
const DAY = 86_400_000;
const MIN = 60_000;

// Posterior places on five muscles (atlas units), the patient's right; x < 0 is their left.
const SPOTS = [
  ["upper_trapezius", 44, 136],
  ["infraspinatus", 62, 192],
  ["gluteus_medius", 60, 356],
  ["gastrocnemius", 40, 640],
  ["triceps_brachii", 92, 250],
];

/** Point `i` (1-based) of the chart: five muscles, right then left, repeated a little lower. */
export function place(i) {
  const [muscle, x, y] = SPOTS[(i - 1) % 5];
  const side = Math.floor((i - 1) / 5) % 2 === 0 ? "right" : "left";
  const lower = Math.floor((i - 1) / 10) * 30;
  return { muscle, side, at: { view: "posterior", x: side === "right" ? x : -x, y: y + lower } };
}

const point = (id, marked, findings) => ({ id, ...place(id), marked_at: marked, ...(findings ? { findings } : {}) });
const answers = (at) =>
  ["bleeding", "pregnancy", "needle_fear", "local_infection", "lymphoedema", "metal_allergy", "immune_suppression", "pacemaker", "epilepsy"].map(
    (question) => ({ question, yes: question === "bleeding", answered_at: at, ...(question === "bleeding" ? { confirmed_at: at + MIN } : {}) }),
  );
const needle = (id, trp, start, minutes) => ({
  id, trp, duration: minutes * MIN, banked: minutes * MIN, running_since: null, started_at: start, ended_at: start + minutes * MIN, acknowledged: true,
});

/** The records of the history, keyed as Myomap keeps them, values as JSON text. */
export function history(now = Date.now()) {
  const t0 = now - 15 * DAY;
  const visits = [];
  // Visit 1: five points, three needled, an e-stim pair, bruising, an amendment.
  const v1 = t0;
  visits.push({
    started_at: v1, ended_at: v1 + 40 * MIN, screening: { answers: answers(v1 + MIN) },
    timers: [needle(101, 1, v1 + 5 * MIN, 15), needle(102, 2, v1 + 6 * MIN, 15), needle(103, 3, v1 + 7 * MIN, 20),
      { ...needle(104, 1, v1 + 8 * MIN, 10), estim: { needles: [101, 102], hz: 2, ma: 4.5 } }],
    adverse: ["bruising"], notes: "Neck pain three weeks, worse at the desk. Headache at the right temple.",
    points: [
      point(1, t0, { recognised: true, taut_band: true, twitches: 2, jump_sign: true, nrs_before: 7, nrs_after: 4, ppt: 2.4, needle: { gauge_mm: 0.25, length_mm: 40, depth_mm: 15, technique: "pistoning" }, note: "Reproduces the temple headache." }),
      point(2, t0, { recognised: true, taut_band: true, twitches: 1, nrs_before: 6, nrs_after: 3, needle: { gauge_mm: 0.25, length_mm: 40, technique: "static" } }),
      point(3, t0, { taut_band: true, nrs_before: 5, nrs_after: 3, ppt: 3.1 }),
      point(4, t0, { status: "latent", taut_band: true, nrs_before: 3 }),
      point(5, t0, { recognised: true, nrs_before: 4, nrs_after: 2 }),
    ],
    pain: [{ view: "posterior", x: 40, y: 130, r: 26 }, { view: "posterior", x: 60, y: 190, r: 22 }, { view: "anterior", x: 30, y: 40, r: 14 }],
    amendments: [{ at: v1 + 2 * DAY, what: "Needle at point 3 was 0.30 mm, not 0.25 mm.", why: "Checked the needle box after the visit." }],
    consent: [{ answer: "agree_with_estim", at: v1 + 2 * MIN }],
    patient_pain: [{ view: "posterior", x: 44, y: 128, r: 22 }],
    patient_score: 7,
  });
  // Visit 2: a week later; point 2 latent now, point 3 not examined, drawing smaller.
  const v2 = t0 + 7 * DAY;
  visits.push({
    started_at: v2, ended_at: v2 + 30 * MIN, screening: { answers: answers(v2 + MIN) },
    timers: [needle(201, 1, v2 + 5 * MIN, 15), needle(202, 5, v2 + 6 * MIN, 15)],
    points: [
      point(1, t0, { recognised: true, taut_band: true, twitches: 1, nrs_before: 5, nrs_after: 2 }),
      point(2, t0, { status: "latent", nrs_before: 2 }),
      point(3, t0),
      point(4, t0, { status: "latent", nrs_before: 2 }),
      point(5, t0, { recognised: true, nrs_before: 3, nrs_after: 1 }),
    ],
    pain: [{ view: "posterior", x: 40, y: 130, r: 18 }],
    consent: [{ answer: "agree", at: v2 + 2 * MIN, in_person: true }],
    patient_score: 4,
  });
  // Visit 3: two days ago, 20 points, every one needled.
  const v3 = now - 2 * DAY;
  const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
  visits.push({
    started_at: v3, ended_at: v3 + 55 * MIN, screening: { answers: answers(v3 + MIN) },
    timers: twenty.map((id) => needle(300 + id, id, v3 + (4 + id) * MIN, 15)),
    points: twenty.map((id) => point(id, id <= 5 ? t0 : v3, {
      recognised: id % 2 === 1, taut_band: true, twitches: id % 3, nrs_before: 2 + (id % 5), nrs_after: 1 + (id % 3),
      needle: { gauge_mm: 0.3, length_mm: 50, depth_mm: 20 + id, technique: "static" },
      note: id % 4 === 0 ? `Point ${id}: local ache only, no referral reproduced.` : "",
    })),
    pain: [{ view: "posterior", x: 42, y: 132, r: 15 }],
    consent: [{ answer: "agree", at: v3 + 2 * MIN, in_person: true }],
    notes: "Twenty points today; tolerated well.",
  });
  const records = {
    meta: { app: "myomap", format: 3, current: PID },
    [`patients/${PID}`]: { id: PID, name: NAME, dob: "1980-04-02", record_no: "MX-2231", created: t0, last_visit: v3 },
  };
  for (const v of visits) records[`p/${PID}/v/${String(v.started_at).padStart(15, "0")}`] = v;
  for (const id of twenty) records[`p/${PID}/pt/${String(id).padStart(10, "0")}`] = point(id, id <= 5 ? t0 : v3);
  return { records, visits };
}

/** Starts Myomap on a device holding exactly these records. */
export async function startWithRecords(page, records) {
  await page.goto("/");
  await appShown(page);
  await wipeDevice(page);
  await page.evaluate(
    (records) =>
      new Promise((done, fail) => {
        const open = indexedDB.open("myomap", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("records");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("records", "readwrite");
          for (const [k, v] of Object.entries(records)) tx.objectStore("records").put(JSON.stringify(v), k);
          tx.oncomplete = () => (open.result.close(), done());
          tx.onerror = () => fail(tx.error);
        };
      }),
    records,
  );
  await page.reload();
  await appShown(page);
  await expect(page.locator("[data-current-patient]")).toHaveAttribute("data-current-patient", String(PID));
}
