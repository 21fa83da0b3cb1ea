// Importing a report that was already published: a saved page and pasted text.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, harness, key, locked, openApp } from "./support.mjs";

const h = harness();

const samples = path.join(ROOT, "tests/fixtures/samples");

/** Pastes `text` into the paste box as the clipboard's plain text. */
async function paste(page, text) {
  await page.locator('[data-action="paste-target"]').focus();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", text);
    document
      .querySelector('[data-action="paste-target"]')
      .dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

/** Gives `file` to the form's 导入已发布的年报 and waits for the review: the review's text. */
async function reviewOf(page, file) {
  await page.locator('[data-action="import-published"]').setInputFiles(file);
  const review = page.getByRole("dialog", { name: "识别结果" });
  await review.waitFor();
  return review.textContent();
}

test("a saved web page: what was recognised is shown, then it becomes a new draft", async () => {
  const { page, context, errors } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).fill("原草稿");
  await page.locator('[data-action="import-published"]').setInputFiles(path.join(samples, "pingtan-2022.html"));
  const review = page.getByRole("dialog", { name: "识别结果" });
  await review.waitFor();
  assert.match(await review.textContent(), /平潭综合实验区：2022 年度；表格单元格读取 200 \/ 200 个。/);
  assert.match(await review.textContent(), /✓ 四、政府信息公开行政法复议、行政诉讼情况/);
  assert.equal(await page.locator(key("meta.agency")).inputValue(), "原草稿", "nothing created before the user chooses");
  await review.getByRole("button", { name: "导入为新草稿" }).click();
  await page.waitForFunction(() => document.querySelector('[data-key="meta.agency"]').value === "平潭综合实验区");
  const expect = {
    "table3.new_received.natural_person": "71",
    "table3.new_received.commercial": "3",
    "table2.normative_documents.in_force": "698",
    "table2.fees.amount": "9116.36",
    "table4.review.total": "2",
  };
  for (const [k, v] of Object.entries(expect)) {
    const el = page.locator(key(k));
    const got = await el.evaluate((e) => (e.tagName === "OUTPUT" ? e.textContent : e.value));
    assert.equal(got, v, k);
  }
  await page.locator('[data-rule="SECTIONS"]').first().waitFor();
  assert.match(await page.locator('[data-rule="SECTIONS"]').first().textContent(), /行政法复议/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("pasted text becomes last year's baseline of the open draft", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).fill("西工区唐宫街道办事处");
  await page.locator(key("table3.carried_over.natural_person")).fill("4");
  await page.getByRole("button", { name: "粘贴年报…" }).click();
  const text = fs.readFileSync(path.join(samples, "tanggong-jiedao-2023.txt"), "utf8");
  await paste(page, text);
  const review = page.getByRole("dialog", { name: "识别结果" });
  await review.waitFor();
  assert.match(await review.textContent(), /西工区唐宫街道办事处：2023 年度；表格单元格读取 200 \/ 200 个。/);
  await review.getByRole("button", { name: "作为当前草稿的上一年度报告" }).click();
  // Last year's 结转下年度 was 0: this year's 上年结转 4 is now a CARRY-OVER error.
  const carry = page.locator('[data-rule="CARRY-OVER"]').filter({ hasText: "自然人列" });
  await carry.waitFor();
  assert.match(await carry.textContent(), /本年“上年结转”为 4，但上年报告“结转下年度继续办理”为 0/);
  assert.equal(await page.locator(key("meta.agency")).inputValue(), "西工区唐宫街道办事处", "the open draft stays");
  await context.close();
});

test("an unrelated page gives a clear message and changes nothing", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator('[data-action="import-published"]').setInputFiles({
    name: "news.html",
    mimeType: "text/html",
    buffer: Buffer.from("<html><body><h1>新闻</h1><p>今天天气很好。</p></body></html>"),
  });
  const banner = page.locator('[data-banner="import-failed"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /没有识别出政府信息公开工作年度报告/);
  await context.close();
});

test("a page saved in GBK is decoded by its meta charset", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  // Made from the 唐宫路 sample, saved as a GB2312/GBK page (as many government sites serve).
  const review = await reviewOf(page, path.join(samples, "tanggong-jiedao-2023-gbk.html"));
  assert.match(review, /西工区唐宫街道办事处：2023 年度；表格单元格读取 200 \/ 200 个。/);
  await context.close();
});

test("an old binary Word file (.doc, .wps) is read as its .docx is", async () => {
  const { page, context, errors } = await openApp(h.browser, h.server.url);
  const review = await reviewOf(page, {
    name: "去年年报.wps",
    mimeType: "application/octet-stream",
    buffer: fs.readFileSync(path.join(ROOT, "tests/fixtures/forms/tanggong-jiedao-2023/binary.doc")),
  });
  assert.match(review, /西工区唐宫街道办事处：2023 年度；表格单元格读取 200 \/ 200 个。/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an RTF file is read, its characters as Word writes them (GBK bytes), named .doc as systems export it", async () => {
  const { page, context, errors } = await openApp(h.browser, h.server.url);
  const review = await reviewOf(page, {
    name: "导出的年报.doc",
    mimeType: "application/msword",
    buffer: fs.readFileSync(path.join(ROOT, "tests/fixtures/forms/pingtan-2021/gbk.rtf")),
  });
  assert.match(review, /平潭综合实验区：2021 年度；表格单元格读取 200 \/ 200 个。/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a PDF file is read where its glyphs stand: printed by LibreOffice (named .pdf), by Chromium (named .doc as a download may be), encrypted against copying, and in a font of GBK codes not embedded (decoded by TextDecoder)", async () => {
  const { page, context, errors } = await openApp(h.browser, h.server.url);
  for (const [name, file] of [["去年年报.pdf", "pingtan-2022/page.pdf"], ["下载的年报.doc", "pingtan-2021/chromium.pdf"], ["禁止复制的年报.pdf", "pingtan-2021/locked.pdf"], ["WPS导出.pdf", "pingtan-2022/gbk.pdf"]]) {
    const review = await reviewOf(page, {
      name,
      mimeType: "application/pdf",
      buffer: fs.readFileSync(path.join(ROOT, "tests/fixtures/forms", file)),
    });
    assert.match(review, /平潭综合实验区：202[12] 年度；表格单元格读取 200 \/ 200 个。/, file);
    const dialog = page.getByRole("dialog", { name: "识别结果" });
    await dialog.getByRole("button", { name: "取消" }).click();
    await dialog.waitFor({ state: "detached" });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("a damaged PDF, a PDF or a Word file with a password gets a message saying what to do, and changes nothing", async () => {
  const { page, context, errors } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).fill("原草稿");
  const pdf = Buffer.from("%PDF-1.7");
  const binary = locked(fs.readFileSync(path.join(ROOT, "tests/fixtures/forms/pingtan-2021/binary.doc")));
  for (const [name, buffer, expect] of [
    ["去年年报.pdf", pdf, /这个 PDF 文件已损坏或不完整，无法读取：请在浏览器或 PDF 阅读器中打开，全选（Ctrl\+A）、复制后，用“粘贴年报”粘贴/],
    ["去年年报.doc", binary, /这个 Word 文件设置了打开密码，无法读取：请在 Word 或 WPS 中打开，取消密码后另存为 \.docx 再导入/],
    // (A .doc is read by what it holds.)
    ["下载的年报.doc", pdf, /这个 PDF 文件已损坏或不完整/],
    ["加密的年报.pdf", fs.readFileSync(path.join(ROOT, "tests/fixtures/forms/tanggong-jiedao-2023/password.pdf")),
      /这个 PDF 文件设置了打开密码，无法直接读取：请在浏览器或 PDF 阅读器中打开/],
  ]) {
    await page.locator('[data-action="import-published"]').setInputFiles({ name, mimeType: "application/octet-stream", buffer });
    const banner = page.locator('[data-banner="import-failed"]');
    await banner.waitFor();
    assert.match(await banner.textContent(), expect, name);
    await banner.getByRole("button", { name: "关闭" }).click();
  }
  assert.equal(await page.locator(key("meta.agency")).inputValue(), "原草稿");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a report imported from the 2019 trial format says so on the form", async () => {
  const { page, context, errors } = await openApp(h.browser, h.server.url);
  assert.equal(await page.locator('[data-key="trial_format"]').count(), 0, "not on a 2021 report");
  await page.locator('[data-action="import-published"]').setInputFiles(path.join(samples, "pingtan-2019-oldformat.html"));
  const review = page.getByRole("dialog", { name: "识别结果" });
  await review.getByRole("button", { name: "导入为新草稿" }).click();
  const note = page.locator('[data-key="trial_format"]');
  await note.waitFor();
  assert.match(await note.textContent(), /2019 年试行格式/);
  assert.equal(await page.locator('[data-rule="FEE-STATEMENT"]').count(), 0, "the 2021-only fee check is not raised");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a report as a Word file (.docx, a .doc of Word 2003 XML, an .xml of Word XML), a page saved as one file (.mhtml, .mht in GBK), an OFD file, Markdown or PDF text is read like a saved page (issue 16)", async () => {
  const { page, context, errors } = await openApp(h.browser, h.server.url);
  const forms = path.join(ROOT, "tests/fixtures/forms");
  for (const file of ["page.docx", "page.mhtml", "page-ie.mht", "page.ofd", "page.md", "pdf-layout.txt"].map((f) => `pingtan-2022/${f}`)
    .concat(["pingtan-2021/word2003.doc", "pingtan-2021/revised.docx", "pingtan-2021/flat-numbered.xml", "tanggong-jiedao-2023/html-docx.docx"])) {
    await page.locator('[data-action="import-published"]').setInputFiles(path.join(forms, file));
    const review = page.getByRole("dialog", { name: "识别结果" });
    await review.waitFor();
    assert.match(await review.textContent(), /表格单元格读取 200 \/ 200 个。/, file);
    await review.getByRole("button", { name: "取消" }).click();
    await review.waitFor({ state: "detached" });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("text pasted from a PDF viewer (Firefox's pdf.js, Chromium's PDFium) or pdftotext is read; cells that cannot be placed for certain are listed, never guessed (issue 16)", async () => {
  const { page, context, errors } = await openApp(h.browser, h.server.url);
  const forms = path.join(ROOT, "tests/fixtures/forms/pingtan-2022");
  for (const [file, read] of [
    ["pdf-firefox.txt", /表格单元格读取 200 \/ 200 个。/],
    ["pdf-chromium.txt", /表格单元格读取 200 \/ 200 个。/],
    ["pdf-layout.txt", /表格单元格读取 200 \/ 200 个。/],
    ["pdf.txt", /有 \d+ 个表格单元格未能读取，已留空/],
  ]) {
    await page.getByRole("button", { name: "粘贴年报…" }).click();
    const text = fs.readFileSync(path.join(forms, file), "utf8");
    await paste(page, text);
    const review = page.getByRole("dialog", { name: "识别结果" });
    await review.waitFor();
    assert.match(await review.textContent(), /平潭综合实验区：2022 年度/, file);
    assert.match(await review.textContent(), read, file);
    await review.getByRole("button", { name: "取消" }).click();
    await review.waitFor({ state: "detached" });
  }
  assert.deepEqual(errors, []);
  await context.close();
});
