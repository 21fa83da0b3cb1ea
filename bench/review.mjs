// The 审核台 in headless Chromium, no throttling: 100 saved pages (the
// generated pages of bench/batch.mjs, 225–367 KB) and 1,000 nianbao JSON
// reports read and checked, wall time, time per file and the longest task;
// then 汇总 of 100 reports from the click to the sum's findings on screen.
// Prints figures; asserts nothing. Targets: ≤ 2 s for each batch, ≤ 100 ms
// for the 汇总.

import fs from "node:fs";
import path from "node:path";
import { serveDist, launch, ROOT } from "../tests/e2e/support.mjs";

const pages = path.join(ROOT, "target/bench-pages/100");
if (!fs.existsSync(pages)) {
  console.log("审核台 bench: run bench/batch.mjs first (it generates target/bench-pages)");
  process.exit(0);
}
const base = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/reports/pingtan-2021.json"), "utf8"));

async function batch(browser, url, files, label) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-action="review-files"]').waitFor({ state: "attached" });
  await page.evaluate(() => {
    window.__longest = 0;
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longest = Math.max(window.__longest, e.duration);
        window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]);
      }
    }).observe({ type: "longtask", buffered: true });
    document.querySelector('[data-action="review-files"]').addEventListener("change", () => (window.__change = performance.now()), { capture: true });
  });
  const start = Date.now();
  await page.locator('[data-action="review-files"]').setInputFiles(files);
  await page.waitForFunction(
    (n) => document.querySelector("[data-counts]").textContent.startsWith(`共 ${n} 份`) && /已读取并检查/.test(document.querySelector("[data-progress-text]").textContent),
    files.length,
    { timeout: 120000, polling: 20 },
  );
  const wall = Date.now() - start;
  // From the files' arrival (the input's change event) to the last row: the
  // time before it is the test driver handing the files to the page.
  const { ms, longest } = await page.evaluate(() => ({
    ms: performance.now() - window.__change,
    longest: Math.max(0, ...window.__tasks.filter(([t]) => t >= window.__change).map(([, d]) => d)),
  }));
  console.log(
    `  ${label}: ${files.length} files read and checked in ${(ms / 1000).toFixed(2)} s (${(ms / files.length).toFixed(1)} ms per file; ${(wall / 1000).toFixed(2)} s including the driver's upload); longest task meanwhile ${longest.toFixed(0)} ms (0: none over 50 ms)`,
  );
  return { page, context };
}

const server = await serveDist();
const browser = await launch();
try {
  const url = server.url + "review.html";
  console.log("审核台, headless Chromium, no throttling (target: ≤ 2 s per batch)");
  const html = fs.readdirSync(pages).map((f) => path.join(pages, f));
  const a = await batch(browser, url, html, "saved pages");
  await a.context.close();
  const json = Array.from({ length: 1000 }, (_, i) => {
    const r = JSON.parse(JSON.stringify(base));
    r.meta.agency = `单位${i}`;
    r.meta.year = 2024;
    r.table3.new_received.natural_person = i % 7;
    return { name: `report-${i}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(r)) };
  });
  const b = await batch(browser, url, json, "nianbao JSON");
  // 汇总 of 100 of them: click to the sum's findings on screen.
  await b.page.locator("[data-search]").fill("单位1");
  const shown = Number((await b.page.locator("[data-counts]").textContent()).match(/共 (\d+) 份/)?.[1] ?? 0);
  const selected = await b.page.evaluate(() => document.querySelectorAll("[data-report-row]").length);
  b.page.on("dialog", (d) => d.accept());
  const t = await b.page.evaluate(async () => {
    const start = performance.now();
    document.querySelector('[data-action="aggregate"]').click();
    while (!document.querySelector('#detail [data-key="table3.new_received.natural_person"]')) {
      await new Promise((r) => setTimeout(r, 0));
    }
    return performance.now() - start;
  });
  console.log(`  汇总 of ${selected} reports (of ${shown} loaded, filtered by name): ${t.toFixed(0)} ms from the click to the sum and its findings on screen (target ≤ 100 ms)`);
  await b.context.close();
} finally {
  await browser.close();
  await server.close();
}
