// Prints the gzipped size of what each page loads at start (the form page's
// budget is 250 KB), the files loaded on demand, and the one-file offline
// edition.

import { gzipSizes, pageSizes, DIST, OFFLINE } from "../tests/e2e/support.mjs";

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const print = (title, { files, total }, budget) => {
  console.log(title);
  for (const f of files) console.log(`  ${f.name.padEnd(40)} ${kb(f.bytes)} raw ${kb(f.gzip)} gz`);
  console.log(`  ${"total".padEnd(40)} ${" ".repeat(15)} ${kb(total)} gz${budget ? `  (budget ${budget})` : ""}`);
};
const form = pageSizes("index.html");
print("form page (index.html), loaded at start (gzip -9)", form, "250.0 KB");
const onDemand = gzipSizes(DIST);
onDemand.files = onDemand.files.filter((f) => f.name.startsWith("importer-"));
onDemand.total = onDemand.files.reduce((n, f) => n + f.gzip, 0);
print("importer worker, loaded on the first import (gzip -9)", onDemand);
print("审核台 (review.html), loaded at start (gzip -9)", pageSizes("review.html"), "300.0 KB");
print("offline edition (gzip -9)", gzipSizes(DIST, { only: OFFLINE }));
print("审核台 offline edition (gzip -9)", gzipSizes(DIST, { only: "nianbao-review-offline.html" }));
