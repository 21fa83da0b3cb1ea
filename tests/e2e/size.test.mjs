// The size budget of the form page: what it loads at start stays within
// 250 KB gzipped. The importer worker loads on the first import only, and
// is not part of it.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { DIST, pageSizes } from "./support.mjs";

const BUDGET = 250 * 1024;

test("the form page loads at most 250 KB gzipped at start", () => {
  const { files, total, later } = pageSizes("index.html");
  assert.ok(files.some((f) => f.name.endsWith("_bg.wasm")), "dist/ has been built");
  assert.ok(files.some((f) => f.name.endsWith(".css")), "the page's stylesheet is counted");
  assert.ok(!files.some((f) => f.name.startsWith("importer")), "the importer is not loaded at start");
  assert.ok(total <= BUDGET, `gzipped total ${total} B exceeds ${BUDGET} B: ${JSON.stringify(files)}`);
  assert.equal(later.length, 1, "the page names its importer worker");
  assert.ok(fs.existsSync(path.join(DIST, later[0])), `${later[0]} is in dist/`);
});

test("the 审核台 loads at most 300 KB gzipped (the importer later, in its worker), and nothing of it is on the form page", () => {
  const { files, total, later } = pageSizes("review.html");
  assert.ok(files.some((f) => /^review-[0-9a-f]+_bg\.wasm$/.test(f.name)), "review.html loads its own module");
  assert.ok(!files.some((f) => f.name.startsWith("importer")), "the importer is not loaded at start");
  assert.equal(later.length, 1, "the 审核台 reads its files through the importer worker");
  assert.equal(later[0], pageSizes("index.html").later[0], "the same worker as the form page's");
  assert.ok(!files.some((f) => f.name.startsWith("nianbao-")), "not the form's module");
  assert.ok(total <= 300 * 1024, `gzipped total ${total} B exceeds 300 KB: ${JSON.stringify(files)}`);
  const form = pageSizes("index.html");
  assert.ok(!form.files.some((f) => f.name.startsWith("review-")), "the form page does not load the 审核台");
});
