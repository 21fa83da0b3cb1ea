// Zero install and no network: the one-file offline edition opened from disk,
// and the hosted edition under its Content-Security-Policy.

import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, OFFLINE, downloadText, harness, key, openApp } from "./support.mjs";

const h = harness();

const offlineUrl = pathToFileURL(path.join(DIST, OFFLINE)).href;

/** Fills, saves, previews and downloads: everything a user does. */
async function useTheApp(page) {
  await page.locator(key("meta.agency")).fill("某某乡人民政府");
  await page.locator(key("table3.new_received.natural_person")).fill("2");
  await page.locator(key("sections.overview")).fill("（一）主动公开\n全年公开信息。");
  await page.locator('[data-save-state="saved"]').waitFor();
  await page.getByRole("button", { name: "预览" }).click();
  await page.frameLocator(".preview iframe").locator("h1").waitFor();
  await page.getByRole("button", { name: "关闭预览" }).click();
  const json = await downloadText(page, '[data-action="download-json"]');
  page.once("dialog", (d) => d.accept());
  const html = await downloadText(page, '[data-action="download-html"]');
  return { json, html };
}

test("the offline edition works from file://, keeps drafts across reloads, downloads JSON, loads nothing", async () => {
  const context = await h.browser.newContext({ acceptDownloads: true });
  const { page, requests, errors } = await openApp(h.browser, offlineUrl, { context });
  const { json } = await useTheApp(page);
  assert.equal(JSON.parse(json.text).table3.new_received.natural_person, 2);
  await page.reload();
  await page.waitForSelector("[data-key]");
  assert.equal(await page.locator(key("table3.new_received.natural_person")).inputValue(), "2");
  assert.equal(await page.locator(key("meta.agency")).inputValue(), "某某乡人民政府");
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.length > 0 && keys.every((k) => k.startsWith("nianbao:")), `namespaced keys: ${keys}`);
  const network = requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(network, [], "no request at all");
  assert.ok(requests.filter((u) => u.startsWith("file:")).every((u) => u === offlineUrl), "only the file itself");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the hosted edition requests nothing beyond its own origin while a report is filled, saved and downloaded", async () => {
  const { page, requests, errors, context } = await openApp(h.browser, h.server.url);
  await useTheApp(page);
  const origin = new URL(h.server.url).origin;
  const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, [], "no CSP violation or other console error");
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  await context.close();
});

test("the CSP blocks a request to another origin", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  const blocked = await page.evaluate(async () => {
    try {
      await fetch("http://example.invalid/");
      return false;
    } catch {
      return true;
    }
  });
  assert.equal(blocked, true);
  await context.close();
  const offline = await openApp(h.browser, offlineUrl);
  const violation = await offline.page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true });
        const img = new Image();
        img.src = "http://127.0.0.1:9/x.png";
      }),
  );
  assert.match(violation, /img-src/);
  await offline.context.close();
});

test("importing a published report: the importer loads only then, from the page's own files or, offline, from the page itself", async () => {
  const sample = path.join(DIST, "..", "tests/fixtures/samples/tanggong-jiedao-2023-gbk.html");
  for (const url of [h.server.url, offlineUrl]) {
    const context = await h.browser.newContext();
    const { page, requests, errors } = await openApp(h.browser, url, { context });
    const importerRequests = () => requests.filter((u) => /importer/.test(u) && !u.startsWith("blob:"));
    assert.deepEqual(importerRequests(), [], "nothing of the importer is loaded at start");
    await page.locator('[data-action="import-published"]').setInputFiles(sample);
    const review = page.getByRole("dialog", { name: "识别结果" });
    await review.waitFor();
    assert.match(await review.textContent(), /西工区唐宫街道办事处：2023 年度；表格单元格读取 200 \/ 200 个。/, url);
    if (url === offlineUrl) {
      assert.deepEqual(importerRequests(), [], "offline: the importer comes from the page itself");
      assert.ok(requests.every((u) => u === offlineUrl || u.startsWith("blob:") || u.startsWith("data:")), `${requests}`);
    } else {
      assert.ok(importerRequests().some((u) => /importer-[0-9a-f]+_bg\.wasm$/.test(u)), `${importerRequests()}`);
    }
    assert.deepEqual(errors, [], url);
    await context.close();
  }
});

test("the 审核台's offline edition works from file:// and links both ways", async () => {
  const url = pathToFileURL(path.join(DIST, "nianbao-review-offline.html")).href;
  const context = await h.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  const sample = path.join(DIST, "..", "tests/fixtures/samples/pingtan-2022.html");
  await page.locator('[data-action="review-files"]').setInputFiles(sample);
  await page.locator('[data-report-row][data-agency="平潭综合实验区"]').waitFor();
  assert.equal(await page.locator('[data-action="to-form"]').getAttribute("href"), "nianbao-offline.html");
  assert.ok(requests.every((u) => u === url || u.startsWith("blob:") || u.startsWith("data:")), `${requests}`);
  assert.deepEqual(errors, []);
  // The form page links to the 审核台, offline to its offline edition.
  const form = await openApp(h.browser, offlineUrl);
  assert.equal(await form.page.locator('[data-action="to-review"]').getAttribute("href"), "nianbao-review-offline.html");
  await form.context.close();
  const hosted = await openApp(h.browser, h.server.url);
  assert.equal(await hosted.page.locator('[data-action="to-review"]').getAttribute("href"), "review.html");
  await hosted.context.close();
  await context.close();
});
