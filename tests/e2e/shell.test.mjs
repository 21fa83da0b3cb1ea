// The app shell against the release build in dist/, served from a sub-path.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { DIST, harness, openApp, SECTION_HEADINGS } from "./support.mjs";

const h = harness({ base: "/zwgk/nianbao/" });

test("loads from a sub-path with no console error and no request leaving 127.0.0.1", async () => {
  const { page, requests, errors } = await openApp(h.browser, h.server.url);
  assert.deepEqual(errors, []);
  assert.ok(requests.length >= 3, "the page, its script and its wasm were requested");
  for (const url of requests) {
    assert.ok(url.startsWith(h.server.url), `request outside the app's sub-path: ${url}`);
  }
  assert.equal(await page.title(), "年报 · 政府信息公开工作年度报告填报");
  await page.context().close();
});

test("shows the metadata fields and the six sections in order", async () => {
  const { page } = await openApp(h.browser, h.server.url);
  for (const key of ["meta.agency", "meta.level", "meta.year", "meta.deadline", "meta.contact"]) {
    assert.equal(await page.locator(`[data-key="${key}"]`).count(), 1, key);
  }
  const headings = await page.locator("section.report-section:not(.preamble) h2").allTextContents();
  assert.deepEqual(headings, SECTION_HEADINGS);
  const levels = await page.locator('[data-key="meta.level"] option').allTextContents();
  assert.deepEqual(levels.slice(1), [
    "乡镇/街道", "县级部门", "县级政府", "地市级部门", "地市级政府", "省级部门", "省级政府", "国务院部门",
  ]);
  await page.locator('[data-key="meta.agency"]').fill("西工区唐宫路街道办事处");
  assert.equal(await page.locator('[data-key="meta.agency"]').inputValue(), "西工区唐宫路街道办事处");
  await page.context().close();
});

test("dist/ holds the page, wasm, glue, css and schema, with relative URLs only", () => {
  const files = fs.readdirSync(DIST);
  for (const re of [/^index\.html$/, /\.wasm$/, /\.js$/, /\.css$/, /^report\.schema\.json$/]) {
    assert.ok(files.some((f) => re.test(f)), `dist/ lacks ${re}`);
  }
  const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
  const urls = [...html.matchAll(/(?:\b(?:href|src)=|module_or_path:\s*|\bfrom\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]);
  assert.ok(urls.length >= 3, `found URLs: ${urls}`);
  for (const url of urls) {
    assert.ok(url.startsWith("./") || url.startsWith("data:"), `not relative: ${url}`);
  }
  const schema = JSON.parse(fs.readFileSync(path.join(DIST, "report.schema.json"), "utf8"));
  assert.equal(schema.properties.schema.const, "nianbao.report/1");
});
