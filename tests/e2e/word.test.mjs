// The downloaded Word file as an office opens it: converted to PDF by
// LibreOffice headless (Debian libreoffice-writer-nogui) and checked with
// poppler's pdfinfo, pdftotext and pdffonts: A4, every section heading and
// table label present, a plausible page count, and only the fonts asked
// for or the machine's fallbacks for them.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { ROOT, harness, key, openApp, SECTION_HEADINGS } from "./support.mjs";

const h = harness();

/** Fonts the document names, and what a machine without them shows instead. */
const FONTS = /FangSong|Fangsong|KaiTi|Kaiti|SimHei|SimSun|STSong|Song|Hei|Kai|NotoSansCJK|NotoSerifCJK|NotoSans-|AR ?PL|WenQuanYi|DejaVu|Liberation/i;

test("the .docx opens in LibreOffice as an A4 report with every heading and table label", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-word-"));
  const { page, context } = await openApp(h.browser, h.server.url);
  const report = fs.readFileSync(path.join(ROOT, "tests/fixtures/reports/pingtan-2022.json"));
  await page.locator('[data-action="import-file"]').setInputFiles({ name: "pingtan-2022.json", mimeType: "application/json", buffer: report });
  await page.waitForFunction(() => document.querySelector('[data-key="meta.agency"]').value === "平潭综合实验区");
  page.on("dialog", (d) => d.accept());
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="download-docx"]').click()]);
  const docx = path.join(dir, "report.docx");
  await download.saveAs(docx);
  await context.close();

  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, docx], {
    stdio: "ignore",
    timeout: 180000,
  });
  const pdf = path.join(dir, "report.pdf");
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/, info);
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 4 && pages <= 20, `${pages} pages`);
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  for (const heading of SECTION_HEADINGS) {
    assert.ok(text.includes(heading), heading);
  }
  // Table captions and row labels (narrow column headings wrap in the PDF's text).
  for (const label of [
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "规章",
    "行政规范性文件",
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（七）总计",
    "四、结转下年度继续办理",
  ]) {
    assert.ok(text.includes(label), label);
  }
  assert.ok(text.includes("—1—") && text.includes("—2—"), "page numbers 「— 1 —」");
  const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" })
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ""));
  assert.ok(fonts.length > 0);
  for (const f of fonts) assert.match(f, FONTS, `font ${f}`);
  fs.rmSync(dir, { recursive: true, force: true });
});
