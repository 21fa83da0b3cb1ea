// nianbao-check over generated saved pages (the samples of 100–370 KB with
// varied figures and agency names): files per second on every core and on
// one, and peak memory for 100 and for 1,000 files. Needs the native
// binary: `cargo build --profile native --bin nianbao-check` (make bench does it).

import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "../tests/e2e/support.mjs";

const BIN = path.join(ROOT, "target/native/nianbao-check");
const OUT = path.join(ROOT, "target/bench-pages");
const samples = ["pingtan-2021.html", "pingtan-2022.html", "pingtan-2019-oldformat.html"].map((n) =>
  fs.readFileSync(path.join(ROOT, "tests/fixtures/samples", n), "utf8"),
);

let seed = 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

/** Writes `n` pages into OUT/n: every table figure moved a little, a new agency name. */
function generate(n) {
  const dir = path.join(OUT, String(n));
  if (fs.existsSync(dir) && fs.readdirSync(dir).length === n) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    let page = samples[i % samples.length]
      .replace(/(<td[^>]*>(?:\s|<[^>]+>)*)(\d+)(?=(?:\s|<[^>]+>)*<\/td>)/g, (_, pre, num) =>
        pre + String(Math.max(0, Number(num) + Math.floor(random() * 5) - 2)),
      )
      .replaceAll("平潭综合实验区", `平潭综合实验区${i}号`);
    fs.writeFileSync(path.join(dir, `page-${String(i).padStart(4, "0")}.html`), page);
  }
  return dir;
}

/** The command's --stats line for `dir` on `threads` threads (0: every core). */
function stats(dir, threads) {
  const env = { ...process.env, ...(threads ? { RAYON_NUM_THREADS: String(threads) } : {}) };
  const r = spawnSync(BIN, [dir, "--stats"], { env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao-check failed: ${r.stderr}`);
  return r.stderr.trim();
}

console.log("nianbao-check over generated saved pages (the samples, 225–367 KB, figures varied)");
for (const n of [100, 1000]) {
  const dir = generate(n);
  const bytes = fs.readdirSync(dir).reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
  const all = stats(dir, 0);
  const one = stats(dir, 1);
  console.log(`  ${n} files (${(bytes / n / 1024).toFixed(0)} KB each on average)`);
  console.log(`    every core: ${all}`);
  console.log(`    one core:   ${one}`);
}
console.log("  target: ≥ 300 pages per second per core; memory that does not grow with the number of files");
