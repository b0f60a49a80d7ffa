// Myomap's service worker: keeps every file of one build on the device, so the app loads and
// works with no network after one online visit. The post-build hook (scripts/precache.mjs)
// writes the build's file list and a version made from the files' names and contents below;
// a new build is a new worker with a cache of its own.
// A new worker waits until the page asks it to take over (the page offers "Reload" only while
// no needle is in), so a visit never changes version under the therapist's hands.
const VERSION = "dev";
const FILES = [];
const CACHE = `myomap-${VERSION}`;

self.addEventListener("install", (event) => {
  // Straight from the server, not from the browser's HTTP cache: the files of this build.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("myomap-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skipWaiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  // Every page of the app is index.html (its views live in the hash); the build's own files are
  // served from this worker's cache first, the network only for anything not cached.
  const key = req.mode === "navigate" ? "/index.html" : req;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(key, { ignoreVary: true })).then((hit) => hit || fetch(req)),
  );
});
