// The size budget of the hosted edition: 250 KB gzipped in all.

import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSizes } from "./support.mjs";

const BUDGET = 250 * 1024;

test("dist/ stays within 250 KB gzipped", () => {
  const { files, total } = gzipSizes();
  assert.ok(files.some((f) => f.name.endsWith(".wasm")), "dist/ has been built");
  assert.ok(total <= BUDGET, `gzipped total ${total} B exceeds ${BUDGET} B: ${JSON.stringify(files)}`);
});
