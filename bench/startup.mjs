// Time from navigation to an interactive form, hosted and offline editions,
// in headless Chromium with 4x CPU throttling. Prints figures; asserts nothing.
//
// "Interactive": the first table input is on the page and a keystroke in it
// has updated its row total (the app has mounted and reacts).

import path from "node:path";
import { pathToFileURL } from "node:url";
import { serveDist, launch, DIST, OFFLINE } from "../tests/e2e/support.mjs";

async function startup(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector('[data-key="table3.new_received.natural_person"]');
  await page.locator('[data-key="table3.new_received.natural_person"]').fill("1");
  await page.waitForFunction(() => document.querySelector('[data-key="table3.new_received.total"]').textContent === "1");
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serveDist();
const browser = await launch();
try {
  console.log("startup, navigation to interactive form, 4x CPU throttling (median of 5)");
  for (const [name, url] of [
    ["hosted (http://127.0.0.1)", server.url],
    ["offline (file://)", pathToFileURL(path.join(DIST, OFFLINE)).href],
  ]) {
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await startup(browser, url));
    console.log(`  ${name.padEnd(28)} ${median(runs).toFixed(0).padStart(6)} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
