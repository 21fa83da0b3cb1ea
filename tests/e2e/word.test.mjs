// The downloaded Word file and HTML as an office opens them: converted to PDF by
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

/** Converts `file` to PDF as an office opens it, on a machine whose paper is Letter (the A4 must come from the file). */
function toPdf(file, dir, filter) {
  const args = ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`];
  if (filter) args.push(`--infilter=${filter}`);
  execFileSync("soffice", [...args, "--convert-to", "pdf", "--outdir", dir, file], {
    stdio: "ignore",
    timeout: 180000,
    env: { ...process.env, PAPERSIZE: "letter" },
  });
  return file.replace(/\.[a-z]+$/, ".pdf");
}

/** Checks what both files must show: A4, a plausible page count, every section heading and table label. */
function checkContent(pdf) {
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
  return text;
}

/** Opens the sample report in the app and downloads it with the button `action`. */
async function download(action, dir, name) {
  const { page, context } = await openApp(h.browser, h.server.url);
  const report = fs.readFileSync(path.join(ROOT, "tests/fixtures/reports/pingtan-2022.json"));
  await page.locator('[data-action="import-file"]').setInputFiles({ name: "pingtan-2022.json", mimeType: "application/json", buffer: report });
  await page.waitForFunction(() => document.querySelector('[data-key="meta.agency"]').value === "平潭综合实验区");
  page.on("dialog", (d) => d.accept());
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-action="${action}"]`).click()]);
  const saved = path.join(dir, name);
  await file.saveAs(saved);
  await context.close();
  return saved;
}

test("the .docx opens in LibreOffice as an A4 report with every heading and table label", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-word-"));
  const pdf = toPdf(await download("download-docx", dir, "report.docx"), dir);
  const text = checkContent(pdf);
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

/** The lines of page `n` with their boxes, from pdftotext -bbox-layout. */
function lines(pdf, n) {
  const xml = execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-bbox-layout", pdf, "-"], { encoding: "utf8" });
  return [...xml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
    xMin: +m[1],
    yMin: +m[2],
    xMax: +m[3],
    yMax: +m[4],
    text: [...m[5].matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(""),
  }));
}

/** Rows of page `n` (rendered at 50 dpi, grey) that are dark across at least half the page: table rules. */
function rules(pdf, n, dir) {
  const base = path.join(dir, `page-${n}`);
  execFileSync("pdftoppm", ["-gray", "-r", "50", "-f", String(n), "-l", String(n), "-singlefile", pdf, base]);
  const pgm = fs.readFileSync(`${base}.pgm`);
  const header = pgm.toString("latin1", 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+255\s/);
  const [w, height] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  let count = 0;
  for (let y = 0; y < height; y++) {
    let dark = 0;
    for (let x = 0; x < w; x++) if (data[y * w + x] < 128) dark++;
    if (dark > w / 2) count++;
  }
  return count;
}

test("the downloaded HTML opens in LibreOffice as Word and WPS open it: A4, centred title, body size and indent, ruled tables", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-html-"));
  const pdf = toPdf(await download("download-html", dir, "report.html"), dir, "HTML (StarWriter)");
  checkContent(pdf);
  const first = lines(pdf, 1);
  // The title (its last line, which does not fill the width) is centred in the type area.
  const title = first.filter((l) => l.yMax - l.yMin > 26);
  assert.ok(title.length >= 1, "the title is set larger than the body (2号)");
  const body = first.filter((l) => l.yMax - l.yMin <= 26);
  // The type area's right edge: where most body lines end (a long number may overhang it).
  const ends = body.map((l) => l.xMax).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length / 2)];
  const left = Math.min(...body.map((l) => l.xMin));
  const last = title[title.length - 1];
  assert.ok(Math.abs((last.xMin + last.xMax) / 2 - (left + right) / 2) < 8, `title centred: ${JSON.stringify(last)} in ${left}–${right}`);
  // The body is 3号 (16pt: lines about 21pt high) with a first-line indent of two characters (32pt).
  const preamble = body.find((l) => l.text.startsWith("本报告根据"));
  assert.ok(preamble, "the preamble's first line");
  assert.ok(preamble.yMax - preamble.yMin > 18, `body size: line ${preamble.yMax - preamble.yMin}pt high`);
  assert.ok(Math.abs(preamble.xMin - left - 32) < 4, `first-line indent ${preamble.xMin - left}pt`);
  // Table 三's page has grid lines.
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  let tablePage = 0;
  for (let n = 1; n <= pages && !tablePage; n++) {
    if (lines(pdf, n).some((l) => l.text.includes("本年新收政府信息公开申请数量"))) tablePage = n;
  }
  assert.ok(tablePage > 0, "table 三 found");
  assert.ok(rules(pdf, tablePage, dir) >= 5, "table 三 has ruled rows");
  fs.rmSync(dir, { recursive: true, force: true });
});
