// Draws media/icon.png (128x128, the Marketplace icon) from the SVG below with headless Chromium.
// Run: node scripts/draw-icon.cjs (after the test host is installed: npm run test:e2e installs it).
const fs = require('node:fs');
const path = require('node:path');
const { launchChromium } = require('./lib/codeServer.cjs');

// A flow (two sources joined into one processor) on a Lambda-orange tile.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ff9a3c"/><stop offset="1" stop-color="#d9480f"/></linearGradient></defs>
  <rect x="4" y="4" width="120" height="120" rx="24" fill="url(#g)"/>
  <g fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round">
    <path d="M38 38c26 0 18 26 40 26M38 90c26 0 18-26 40-26"/>
  </g>
  <circle cx="32" cy="38" r="11" fill="#fff"/><circle cx="32" cy="90" r="11" fill="#fff"/>
  <rect x="76" y="48" width="34" height="32" rx="6" fill="#fff"/>
  <path d="M85 72l7-16 4 9 4-4" fill="none" stroke="#d9480f" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

(async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const out = path.join(__dirname, '..', 'media', 'icon.png');
    fs.writeFileSync(out, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } }));
    console.log(`wrote ${out}`);
  } finally {
    await browser.close();
  }
})();
