// Prints the gzipped size of every file of the release build (dist/) and the
// total, for the hosted edition and for the one-file offline edition.

import { gzipSizes, DIST, OFFLINE } from "../tests/e2e/support.mjs";

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const print = (title, { files, total }, budget) => {
  console.log(title);
  for (const f of files) console.log(`  ${f.name.padEnd(40)} ${kb(f.bytes)} raw ${kb(f.gzip)} gz`);
  console.log(`  ${"total".padEnd(40)} ${" ".repeat(15)} ${kb(total)} gz${budget ? `  (budget ${budget})` : ""}`);
};
print("hosted edition, dist/ (gzip -9)", gzipSizes(DIST), "250.0 KB");
print("offline edition (gzip -9)", gzipSizes(DIST, { only: OFFLINE }));
