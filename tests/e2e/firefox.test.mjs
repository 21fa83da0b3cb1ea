// The same promises in Firefox: Debian's firefox-esr, driven headless over
// WebDriver BiDi by puppeteer-core (no browser download). Drafts (reload,
// storage full, blocked actions and 重试, the leave-page prompt), import (our
// JSON, a GBK page through the importer worker), export (JSON and HTML), the
// offline edition from file://, the 审核台 (both editions) and the crash
// screen.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { DIST, OFFLINE, ROOT, serveDist, fillStorage, freeStorage } from "./support.mjs";

const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const h = {};
before(async () => {
  h.server = await serveDist();
  h.browser = await puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true });
});
after(async () => {
  await h.browser?.close();
  await h.server?.close();
});

const key = (k) => `[data-key="${k}"]`;
const samples = path.join(ROOT, "tests/fixtures/samples");
const offlineUrl = pathToFileURL(path.join(DIST, OFFLINE)).href;

/**
 * A page in a fresh browser context (its own storage), with errors recorded
 * and downloads captured: a download link's click is recorded instead of
 * saving a file, and `downloaded()` reads what it would have saved.
 */
async function open(url = h.server.url, { init, ready = "[data-key]" } = {}) {
  const context = await h.browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e.message ?? e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.evaluateOnNewDocument(() => {
    window.__downloads = [];
    // The page's CSP forbids fetching blob: URLs in Firefox: keep the Blobs.
    window.__blobs = {};
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = function (blob) {
      const url = createObjectURL.call(URL, blob);
      window.__blobs[url] = blob;
      return url;
    };
    // Downloads are clicks on a link with `download` (which do not bubble):
    // a capture listener sees them first, records them and saves nothing.
    window.addEventListener(
      "click",
      (e) => {
        const a = e.target;
        if (a instanceof HTMLAnchorElement && a.download) {
          window.__downloads.push({ name: a.download, href: a.href });
          e.preventDefault();
        }
      },
      true,
    );
  });
  if (init) await page.evaluateOnNewDocument(init);
  await page.goto(url);
  await page.waitForSelector(ready);
  const downloaded = async () =>
    page.evaluate(async () => {
      const d = window.__downloads.at(-1);
      return d && { name: d.name, text: await window.__blobs[d.href].text() };
    });
  return { page, context, errors, downloaded };
}

const value = (page, k) => page.$eval(key(k), (e) => (e.tagName === "OUTPUT" ? e.textContent : e.value));
const fill = async (page, k, text) => {
  await page.$eval(key(k), (e) => {
    e.focus();
    e.select?.();
  });
  await page.keyboard.press("Backspace");
  await page.type(key(k), text);
};
const saved = (page) => page.waitForSelector('[data-save-state="saved"]');
// Polls `fn` in the page until it is true. (Not waitForFunction: Firefox ESR
// 140 runs it through Function(), which the page's CSP blocks; evaluate is
// not blocked. A navigation during a poll is polled again.)
const waitFor = async (page, fn, arg, timeout = 10_000) => {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg).catch(() => false)) return;
    if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${fn}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

test("firefox: drafts survive a reload", async () => {
  const { page, context, errors } = await open();
  await fill(page, "meta.agency", "某某乡人民政府");
  await fill(page, "table3.new_received.natural_person", "3");
  await fill(page, "sections.overview", "第一段。");
  await saved(page);
  await page.reload();
  await page.waitForSelector("[data-key]");
  assert.equal(await value(page, "meta.agency"), "某某乡人民政府");
  assert.equal(await value(page, "table3.new_received.natural_person"), "3");
  assert.equal(await value(page, "table3.new_received.total"), "3");
  assert.equal(await value(page, "sections.overview"), "第一段。");
  assert.deepEqual(errors, []);
  await context.close();
});

test("firefox: storage full, 新建草稿 is refused and keeps every character; 重试 finishes it", async () => {
  const { page, context } = await open();
  await fill(page, "meta.agency", "甲");
  await saved(page);
  await page.evaluate(fillStorage);
  const typed = "存储满了以后输入的文字".repeat(6);
  await fill(page, "sections.overview", typed);
  await page.waitForSelector('[data-banner="save-failed"]');
  await page.click('[data-action="new-draft"]');
  await page.waitForSelector('[data-banner="blocked"]');
  assert.match(await page.$eval('[data-banner="blocked"]', (e) => e.textContent), /“新建草稿”未执行：浏览器存储空间已满/);
  assert.equal(await value(page, "sections.overview"), typed);
  await page.evaluate(freeStorage);
  await page.click('[data-banner="blocked"] [data-action="retry"]');
  await waitFor(page, () => document.querySelector('[data-key="meta.agency"]').value === "");
  const stored = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("nianbao:draft:"))
      .map((k) => JSON.parse(localStorage.getItem(k)).report)
      .find((r) => r.meta.agency === "甲"),
  );
  assert.equal(stored.sections.overview, typed, "every typed character is in storage");
  await context.close();
});

test("firefox: the leave-page prompt while a save has failed", async () => {
  const { page, context } = await open();
  await fill(page, "meta.agency", "甲");
  await saved(page);
  await page.evaluate(fillStorage);
  await fill(page, "sections.overview", "未能保存的文字".repeat(12));
  await page.waitForSelector('[data-banner="save-failed"]');
  const dialogs = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.type());
    await d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.deepEqual(dialogs, ["beforeunload"], "asked while the save failed");
  assert.equal(page.isClosed(), false, "staying keeps the page");
  await page.evaluate(freeStorage);
  await page.click('[data-action="retry-save"]');
  await saved(page);
  await page.close({ runBeforeUnload: true });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.deepEqual(dialogs, ["beforeunload"], "no prompt once saved");
  await context.close();
});

test("firefox: import our JSON and a GBK page (importer worker); export JSON and HTML", async () => {
  const { page, context, errors, downloaded } = await open();
  await fill(page, "meta.agency", "原草稿");
  await saved(page);
  await page.click('[data-action="download-json"]');
  const json = await downloaded();
  assert.equal(json.name, "原草稿年政府信息公开工作年度报告.json".replace("原草稿年", `原草稿${JSON.parse(json.text).meta.year}年`));
  const good = JSON.parse(json.text);
  good.meta.agency = "导入的机关";
  good.table3.new_received.natural_person = 5;
  const input = await page.$('[data-action="import-file"]');
  const fs = await import("node:fs");
  const os = await import("node:os");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-")), "good.json");
  fs.writeFileSync(file, JSON.stringify(good));
  await input.uploadFile(file);
  await waitFor(page, () => document.querySelector('[data-key="meta.agency"]').value === "导入的机关");
  assert.equal(await value(page, "table3.new_received.natural_person"), "5");

  const published = await page.$('[data-action="import-published"]');
  await published.uploadFile(path.join(samples, "tanggong-jiedao-2023-gbk.html"));
  await page.waitForSelector(".import-review .review-body");
  assert.match(
    await page.$eval(".import-review", (e) => e.textContent),
    /西工区唐宫街道办事处：2023 年度；表格单元格读取 200 \/ 200 个。/,
  );
  await page.click('[data-action="import-as-new"]');
  await waitFor(page, () => document.querySelector('[data-key="meta.agency"]').value === "西工区唐宫街道办事处");

  // The report has findings: 下载 HTML asks first.
  const asked = [];
  page.on("dialog", async (d) => {
    asked.push(d.type());
    await d.accept();
  });
  await page.click('[data-action="download-html"]');
  const html = await waitFor(page, () => window.__downloads.at(-1)?.name.endsWith(".html")).then(downloaded);
  assert.match(html.name, /^西工区唐宫街道办事处2023年政府信息公开工作年度报告\.html$/);
  assert.match(html.text, /<h1[^>]*>[^<]*西工区唐宫街道办事处2023年政府信息公开工作年度报告/);
  assert.deepEqual(asked, ["confirm"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("firefox: the offline edition from file:// keeps drafts and imports a published page", async () => {
  const { page, context, errors } = await open(offlineUrl);
  await fill(page, "meta.agency", "某某乡人民政府");
  await saved(page);
  await page.reload();
  await page.waitForSelector("[data-key]");
  assert.equal(await value(page, "meta.agency"), "某某乡人民政府");
  const published = await page.$('[data-action="import-published"]');
  await published.uploadFile(path.join(samples, "pingtan-2022.html"));
  await page.waitForSelector(".import-review .review-body");
  assert.match(await page.$eval(".import-review", (e) => e.textContent), /表格单元格读取 200 \/ 200 个/);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const file of ["page.docx", "page.ofd"]) {
  test(`firefox: the offline edition reads ${file === "page.docx" ? "a Word .docx" : "an OFD file"} (issue 16)`, async () => {
    const { page, context, errors } = await open(offlineUrl);
    const published = await page.$('[data-action="import-published"]');
    await published.uploadFile(path.join(ROOT, "tests/fixtures/forms/pingtan-2021", file));
    await page.waitForSelector(".import-review .review-body");
    assert.match(await page.$eval(".import-review", (e) => e.textContent), /平潭综合实验区：2021 年度；表格单元格读取 200 \/ 200 个/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const [edition, page] of [
  ["hosted", "review.html"],
  ["offline", "nianbao-review-offline.html"],
]) {
  test(`firefox: the 审核台 (${edition}) reads a batch through the importer workers, in the order picked`, async () => {
    const url = edition === "hosted" ? h.server.url + page : pathToFileURL(path.join(DIST, page)).href;
    const { page: p, context, errors } = await open(url, { ready: "#overview table" });
    const input = await p.$('[data-action="review-files"]');
    const forms = path.join(ROOT, "tests/fixtures/forms");
    const files = [
      path.join(samples, "pingtan-2022.html"),
      path.join(ROOT, "tests/fixtures/reports/pingtan-2021.json"),
      path.join(forms, "pingtan-2021/page.docx"),
      path.join(forms, "tanggong-jiedao-2023/page.pdf"),
      path.join(samples, "tanggong-jiedao-2023-gbk.html"),
    ];
    await input.uploadFile(...files);
    await waitFor(p, () => /已读取并检查 5 个文件/.test(document.querySelector("[data-progress-text]").textContent), undefined, 30_000);
    const rows = await p.$$eval("[data-report-row]", (rs) => rs.map((r) => `${r.dataset.file} ${r.dataset.agency} ${r.dataset.year}`));
    assert.deepEqual(rows, [
      "pingtan-2022.html 平潭综合实验区 2022",
      "pingtan-2021.json 平潭综合实验区 2021",
      "page.docx 平潭综合实验区 2021",
      "page.pdf 西工区唐宫街道办事处 2023",
      "tanggong-jiedao-2023-gbk.html 西工区唐宫街道办事处 2023",
    ]);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("firefox: a panic shows the crash screen with the backup and blocks edits", async () => {
  const { page, context } = await open(h.server.url, {
    init: () => localStorage.setItem("nianbao:test-hooks", "1"),
  });
  await fill(page, "sections.overview", "崩溃前已保存的文字。");
  await saved(page);
  await page.evaluate(() => window.dispatchEvent(new Event("nianbao-test-panic")));
  await page.waitForSelector("#nianbao-crash");
  assert.match(await page.$eval("#nianbao-crash p", (e) => e.textContent), /^程序出现错误.*草稿已自动保存到 \d\d:\d\d/);
  const backup = await page.$eval('[data-action="download-backup"]', (a) => window.__blobs[a.href].text());
  assert.equal(JSON.parse(backup).sections.overview, "崩溃前已保存的文字。");
  assert.equal(await page.$eval(key("sections.overview"), (e) => e.closest("[inert]") !== null), true);
  await context.close();
});
