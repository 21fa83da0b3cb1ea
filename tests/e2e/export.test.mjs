// The publication-ready HTML: download, preview, copy, and print to PDF.

import { test } from "node:test";
import assert from "node:assert/strict";
import { downloadText, harness, key, openApp, LAST_YEAR } from "./support.mjs";

const h = harness();


async function fillSome(page) {
  await page.locator(key("meta.agency")).fill("某某县<某某>局");
  await page.locator(key("meta.year")).selectOption(String(LAST_YEAR));
  await page.locator(key("sections.overview")).fill("（一）主动公开\n全年主动公开信息 120 条。\n（二）依申请公开\n共收到申请3件。");
  await page.locator(key("table3.new_received.natural_person")).fill("3");
  await page.locator(key("table3.disclosed.natural_person")).fill("3");
  await page.locator(key("table2.fees.amount")).fill("0.50");
}

test("download HTML: one self-contained file, confirmed when errors remain", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await fillSome(page);
  let dialogText = "";
  page.once("dialog", (d) => {
    dialogText = d.message();
    d.accept();
  });
  const { name, text } = await downloadText(page, '[data-action="download-html"]');
  assert.match(dialogText, /^报告还有 \d+ 个错误：\n· /, "the confirmation lists the errors");
  assert.equal(name, `某某县_某某_局${LAST_YEAR}年政府信息公开工作年度报告.html`);
  assert.match(text, /^<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">/);
  assert.match(text, new RegExp(`<h1 style="[^"]*text-align:center[^"]*">某某县&lt;某某&gt;局${LAST_YEAR}年政府信息公开工作年度报告</h1>`));
  assert.match(text, /<h3 style="[^"]*">（一）主动公开<\/h3>\n<p style="[^"]*text-indent:32pt[^"]*">全年主动公开信息 120 条。<\/p>/);
  assert.ok(!/<script|<link|src=|@import|url\(/i.test(text), "no script, no external resource");
  assert.equal((text.match(/<table border="1" cellspacing="0" cellpadding="4"/g) || []).length, 3);
  assert.match(text, /<td colspan="3" style="[^"]*">0\.50<\/td>/, "the fee as entered");

  // Declining the confirmation downloads nothing.
  page.once("dialog", (d) => d.dismiss());
  let downloaded = false;
  page.once("download", () => (downloaded = true));
  await page.locator('[data-action="download-html"]').click();
  await page.waitForTimeout(300);
  assert.equal(downloaded, false);

  // The downloaded page renders and prints to A4 PDF.
  const doc = await context.newPage();
  await doc.setContent(text);
  assert.equal(await doc.locator("h2").count(), 6);
  const pdf = await doc.pdf({ format: "A4" });
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  assert.ok(pdf.length > 10_000, `PDF of ${pdf.length} bytes`);
  await context.close();
});

test("the preview shows exactly the downloaded document", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await fillSome(page);
  await page.getByRole("button", { name: "预览" }).click();
  const srcdoc = await page.locator(".preview iframe").getAttribute("srcdoc");
  page.once("dialog", (d) => d.accept());
  const { text } = await downloadText(page, '[data-action="download-html"]');
  assert.equal(srcdoc, text);
  assert.equal(await page.frameLocator(".preview iframe").locator("h2").count(), 6);
  await context.close();
});

test("copy puts the report on the clipboard as HTML and as plain text", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await fillSome(page);
  await page.evaluate(() => {
    window.addEventListener("copy", (e) => {
      window.__copied = { html: e.clipboardData.getData("text/html"), text: e.clipboardData.getData("text/plain") };
    });
  });
  page.once("dialog", (d) => d.accept());
  await page.locator('[data-action="copy-html"]').click();
  const copied = await page.evaluate(() => window.__copied);
  assert.ok(copied.html.startsWith('<article class="report">'));
  assert.ok(copied.html.includes('<table border="1"'), "the pasted table keeps its grid");
  assert.ok(copied.text.includes("一、本年新收政府信息公开申请数量\t\t\t3\t\t\t\t\t\t3"));
  await context.close();
});

/** The entries of a stored (uncompressed) zip, as .docx files are written here. */
function storedZip(buffer) {
  const entries = {};
  let at = 0;
  while (buffer.readUInt32LE(at) === 0x04034b50) {
    const method = buffer.readUInt16LE(at + 8);
    const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const extra = buffer.readUInt16LE(at + 28);
    const name = buffer.toString("utf8", at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extra;
    assert.equal(method, 0, "stored");
    entries[name] = buffer.toString("utf8", start, start + size);
    at = start + size;
  }
  return entries;
}

test("下载 Word: a .docx named after the title, written by the on-demand worker", async () => {
  const { page, context, requests, errors } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).fill("某某县某某局");
  await page.locator(key("sections.overview")).fill("（一）主动公开\n全年主动公开政府信息。");
  assert.ok(!requests.some((u) => /importer/.test(u)), "the writer is not loaded before it is asked for");
  page.once("dialog", (d) => d.accept());
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="download-docx"]').click()]);
  assert.match(download.suggestedFilename(), /^某某县某某局\d{4}年政府信息公开工作年度报告\.docx$/);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const zip = storedZip(Buffer.concat(chunks));
  for (const part of ["[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/footer1.xml"]) assert.ok(zip[part], part);
  assert.match(zip["word/document.xml"], /某某县某某局\d{4}年政府信息公开工作年度报告/);
  assert.match(zip["word/document.xml"], /<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t xml:space="preserve">（一）主动公开<\/w:t>/);
  assert.ok(requests.some((u) => /importer-[0-9a-f]+_bg\.wasm$/.test(u)), "loaded on demand");
  assert.deepEqual(errors, []);
  await context.close();
});
