// Prints the gzipped size of every file of the release build (dist/) and the total.

import { gzipSizes, DIST } from "../tests/e2e/support.mjs";

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const { files, total } = gzipSizes(DIST);
console.log("size of dist/ (gzip -9)");
for (const f of files) console.log(`  ${f.name.padEnd(40)} ${kb(f.bytes)} raw ${kb(f.gzip)} gz`);
console.log(`  ${"total".padEnd(40)} ${" ".repeat(15)} ${kb(total)} gz  (budget 250.0 KB)`);
