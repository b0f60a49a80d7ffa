// Renders Myomap's app icons (the PNGs the web app manifest lists) from its own SVGs in
// headless Chromium: assets/favicon.svg at 192 and 512 px, and assets/icon-maskable.svg (the
// same drawing on a full-bleed square, kept inside the central safe circle a launcher may crop
// to) at 512 px. Run once after changing an SVG and commit the PNGs: node scripts/icons.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const ICONS = [
  { svg: "assets/favicon.svg", png: "assets/icon-192.png", size: 192 },
  { svg: "assets/favicon.svg", png: "assets/icon-512.png", size: 512 },
  { svg: "assets/icon-maskable.svg", png: "assets/icon-maskable-512.png", size: 512 },
];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { svg, png, size } of ICONS) {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${readFileSync(svg).toString("base64")}`;
    // A transparent page, so the rounded corners of the plain icon stay transparent.
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${src}" width="${size}" height="${size}">`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    writeFileSync(png, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    console.log(`icons.mjs: ${png} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
