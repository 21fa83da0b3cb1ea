// The 审核台 (review.html): 20+ files dropped at once (the samples, JSON
// variants with planted errors of each rule family, a GBK page, a truncated
// page, files that are not reports); the overview's rows and counts, the
// filters, a detail view, the year-on-year view, the chart, both CSVs,
// opening a report in the form page, and 汇总 of five reports; files added
// while a batch is checked; files picked before the page's module ran; the
// importer worker failing to start, failing on one file, or never finishing
// one.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, harness, locked } from "./support.mjs";

const h = harness();
const samples = path.join(ROOT, "tests/fixtures/samples");
const base = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/reports/pingtan-2021.json"), "utf8"));
const clone = () => JSON.parse(JSON.stringify(base));

/** A report named `agency` for `year`, changed by `f`. */
function variant(agency, year, f = () => {}) {
  const r = clone();
  r.meta.agency = agency;
  r.meta.year = year;
  f(r);
  return r;
}

/** A small CSV reader: quoted fields with commas, quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field), rows.push(row), (row = []), (field = ""), i++;
    } else field += c;
  }
  return rows;
}

function files() {
  const json = (name, report) => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(report)) });
  const page = (name) => ({ name, mimeType: "text/html", buffer: fs.readFileSync(path.join(samples, name)) });
  const last = variant("测试区人民政府", 2021, (r) => {
    r.sections.problems = "政策解读形式不够丰富，基层政务公开标准目录更新不及时，依申请公开答复文书有待规范。";
  });
  const list = [
    page("pingtan-2021.html"),
    page("pingtan-2022.html"),
    page("pingtan-2019-oldformat.html"),
    page("tanggong-jiedao-2023-gbk.html"),
    { name: "tanggong-jiedao-2023.txt", mimeType: "text/plain", buffer: fs.readFileSync(path.join(samples, "tanggong-jiedao-2023.txt")) },
    // Planted errors, one rule family each.
    json("arithmetic.json", variant("算术局", 2021, (r) => (r.table3.new_received.total += 1))),
    json("cells.json", variant("空格局", 2021, (r) => (r.table2.regulations.issued = null))),
    json("structure.json", variant("结构局", 2021, (r) => (r.sections.other = "无。"))),
    json("narrative.json", variant("文字局", 2021, (r) => (r.sections.overview = "本年收到政府信息公开申请999件。" + r.sections.overview))),
    json("plausibility.json", variant("层级街道办事处", 2021, (r) => ((r.meta.level = "township"), (r.table2.regulations.issued = 3)))),
    json("duplicate-a.json", variant("重复局", 2021)),
    json("duplicate-b.json", variant("重复局", 2021)),
    // Year on year: 2021 and 2022 of one agency; 五 copied, 一 new; 上年结转 wrong.
    json("yoy-2021.json", last),
    json(
      "yoy-2022.json",
      variant("测试区人民政府", 2022, (r) => {
        r.sections.problems = last.sections.problems;
        r.sections.overview = "围绕优化营商环境新增惠企政策专栏，建立政策文件清理台账并按季度更新，主动公开、依申请公开、政府信息管理、平台建设、监督保障均有新举措。";
        r.table3.carried_over.natural_person = r.table3.carried_over.natural_person + 5;
      }),
    ),
    // Three years of one agency, for the chart.
    json("chart-2019.json", variant("图表镇人民政府", 2019)),
    json("chart-2020.json", variant("图表镇人民政府", 2020)),
    json("chart-2021.json", variant("图表镇人民政府", 2021)),
    // Not reports.
    { name: "truncated.html", mimeType: "text/html", buffer: fs.readFileSync(path.join(samples, "pingtan-2022.html")).subarray(0, 60000) },
    { name: "notice.txt", mimeType: "text/plain", buffer: Buffer.from("关于召开会议的通知\n请各单位准时参加。") },
    { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") },
    { name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") },
  ];
  return list;
}

/** `n` JSON reports of 单位0, 单位1 …, of 2021 and 2022 in turn. */
const units = (n) =>
  Array.from({ length: n }, (_, i) => ({
    name: `unit-${i}.json`,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(variant(`单位${i}`, 2021 + (i % 2)))),
  }));

async function openReview(h) {
  const context = await h.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()) && process.env.DEBUG_REVIEW && console.log("CONSOLE", m.text(), new Error().stack.split("\n")[2]));
  await page.goto(h.server.url + "review.html");
  await page.locator('[data-action="review-files"]').waitFor({ state: "attached" });
  return { page, context, errors };
}

const rows = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("[data-report-row]")].map((r) => ({
      agency: r.dataset.agency,
      year: r.dataset.year,
      status: r.dataset.status,
      errors: Number(r.dataset.errors),
      warnings: Number(r.dataset.warnings),
      file: r.dataset.file,
      duplicate: r.hasAttribute("data-duplicate"),
      index: r.dataset.index,
    })),
  );

async function download(page, action) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-action="${action}"]`).click()]);
  const chunks = [];
  for await (const c of await d.createReadStream()) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}

test("the 审核台 reads 20+ files at once and shows every view", async () => {
  const { page, context, errors } = await openReview(h);
  const list = files();
  assert.ok(list.length >= 20);
  await page.locator('[data-action="review-files"]').setInputFiles(list);
  await page.waitForFunction((n) => document.querySelectorAll("[data-report-row]").length === n, list.length, { timeout: 30000 });
  await page.waitForFunction(() => /已读取并检查/.test(document.querySelector("[data-progress-text]").textContent));
  const all = await rows(page);
  const by = (file) => all.find((r) => r.file === file);
  // Every file is listed; those that are not reports say so.
  for (const f of ["truncated.html", "notice.txt", "scan.pdf", "broken.json"]) assert.equal(by(f).status, "unreadable", f);
  assert.equal(by("tanggong-jiedao-2023-gbk.html").agency, "西工区唐宫街道办事处", "the GBK page is decoded");
  // The planted errors block publication; the warnings too until confirmed.
  for (const f of ["arithmetic.json", "cells.json", "plausibility.json", "yoy-2022.json"]) {
    assert.equal(by(f).status, "blocked", f);
    assert.ok(by(f).errors >= 1, f);
  }
  for (const f of ["structure.json", "narrative.json"]) assert.ok(by(f).warnings >= 1, f);
  assert.ok(by("duplicate-a.json").duplicate && by("duplicate-b.json").duplicate);
  assert.ok(!by("arithmetic.json").duplicate);
  const counts = await page.locator("[data-counts]").textContent();
  assert.match(counts, new RegExp(`^共 ${list.length} 份`));

  // Filters: status, year, search.
  await page.locator('select[data-filter="status"]').selectOption("unreadable");
  assert.equal((await rows(page)).length, 4);
  await page.locator('select[data-filter="status"]').selectOption("");
  await page.locator('select[data-filter="year"]').selectOption("2019");
  assert.deepEqual((await rows(page)).map((r) => r.year).sort(), ["2019", "2019"]);
  await page.locator('select[data-filter="year"]').selectOption("");
  await page.locator("[data-search]").fill("测试区");
  assert.equal((await rows(page)).length, 2);
  await page.locator("[data-search]").fill("");
  // Sorting by errors, descending.
  await page.locator('[data-sort="errors"]').click();
  await page.locator('[data-sort="errors"]').click();
  const sorted = (await rows(page)).map((r) => r.errors);
  assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a));

  // Detail: the findings with their rule ids, and the preview.
  await page.locator('[data-report-row][data-file="narrative.json"]').click();
  await page.locator('#detail [data-rule="TEXT-NUMBERS"]').waitFor();
  assert.match(await page.locator('#detail [data-rule="TEXT-NUMBERS"]').textContent(), /999/);
  assert.ok((await page.locator("#detail iframe").getAttribute("srcdoc")).includes("文字局"));

  // Year on year: 五 copied from 2021 repeats 100 %, the new 一 near 0; CARRY-OVER found.
  await page.locator('[data-report-row][data-file="yoy-2022.json"]').click();
  await page.locator("#detail [data-repetition]").first().waitFor();
  const rates = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll("#detail section")].filter((s) => s.querySelector("[data-repetition]")).map((s) => [s.querySelector("h4").textContent, Number(s.querySelector("[data-repetition]").dataset.repetition)])),
  );
  assert.equal(rates["五、存在的主要问题及改进情况"], 100, JSON.stringify(rates));
  assert.ok(rates["一、总体情况"] <= 5, JSON.stringify(rates));
  assert.ok((await page.locator('#detail [data-rule="CARRY-OVER"]').count()) > 0);
  assert.ok((await page.locator("#detail .comparison mark").count()) > 0);

  // The chart for an agency with three years.
  await page.locator('[data-report-row][data-file="chart-2021.json"]').click();
  await page.locator("#detail svg.chart").waitFor();
  assert.equal(await page.locator("#detail svg.chart polyline").count(), 4);

  // Both CSVs, cell by cell.
  const findingsCsv = parseCsv(await download(page, "download-findings-csv"));
  assert.deepEqual(findingsCsv[0], ["机关", "年度", "规则", "级别", "说明", "核实说明"]);
  assert.ok(findingsCsv.some((r) => r[0] === "文字局" && r[2] === "TEXT-NUMBERS" && r[3] === "警告" && r[4].includes("999")));
  assert.ok(findingsCsv.some((r) => r[0] === "空格局" && r[2] === "CELL-BLANK" && r[3] === "错误"));
  assert.ok(!findingsCsv.some((r) => r[0] === ""), "unreadable files have no findings rows");
  const cellsCsv = parseCsv(await download(page, "download-cells-csv"));
  assert.equal(cellsCsv[0].length, 4 + 200);
  assert.equal(cellsCsv.length - 1, all.filter((r) => r.status !== "unreadable").length);
  const column = cellsCsv[0].indexOf("收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 自然人");
  const row = cellsCsv.find((r) => r[0] === "arithmetic.json");
  assert.equal(row[1], "算术局");
  assert.equal(row[column], String(base.table3.new_received.natural_person));
  assert.equal(row[cellsCsv[0].indexOf("主动公开政府信息情况 行政事业性收费 本年收费金额（单位：万元）")], String(base.table2.fees.amount));
  // Every cell of every JSON report, each column found by its official
  // labels (the schema describes each cell as "row label column label").
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "report.schema.json"), "utf8"));
  const keyOf = {};
  for (const t of ["table2", "table3", "table4"]) {
    const table = schema.properties[t];
    for (const [r, rowDef] of Object.entries(table.properties))
      for (const [c, cellDef] of Object.entries(rowDef.properties))
        keyOf[`${table.description} ${cellDef.description.replace("（合计）", "")}`] = [t, r, c];
  }
  const columns = cellsCsv[0].slice(4);
  assert.equal(columns.filter((h) => keyOf[h]).length, 200, "every column is a cell of the format");
  const shown = (v) => (v === null ? "" : typeof v === "object" ? v.invalid : String(v));
  let checked = 0;
  const reports = list.filter((f) => f.name.endsWith(".json") && f.name !== "broken.json");
  for (const { name, buffer } of reports) {
    const source = JSON.parse(buffer.toString("utf8"));
    const line = cellsCsv.find((r) => r[0] === name);
    assert.ok(line, name);
    columns.forEach((h, i) => {
      const [t, r, c] = keyOf[h];
      assert.equal(line[4 + i], shown(source[t][r][c]), `${name} ${h}`);
      checked++;
    });
  }
  assert.equal(checked, reports.length * 200);
  assert.equal(reports.length, 12);

  // 在填报页中打开: exactly one new draft, the others untouched.
  const before = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("nianbao:draft:")).length);
  await page.locator('[data-report-row][data-file="structure.json"]').click();
  const [form] = await Promise.all([context.waitForEvent("page"), page.locator('#detail [data-action="open-in-form"]').click()]);
  await form.waitForSelector('[data-key="meta.agency"]');
  assert.equal(await form.locator('[data-key="meta.agency"]').inputValue(), "结构局");
  const after = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("nianbao:draft:")).length);
  assert.equal(after, before + 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("files picked before the page's module has loaded are read when it starts, not lost", async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // Hold the module back, as a slow office PC does, while the clerk picks.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(h.server.url + "review.html", { waitUntil: "domcontentloaded" });
  const json = (name, report) => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(report)) });
  await page.locator('[data-action="review-files"]').setInputFiles([json("early-1.json", variant("早选一局", 2021)), json("early-2.json", variant("早选二局", 2021))]);
  assert.equal(await page.locator("#overview table").count(), 0, "the module must not have run yet");
  release();
  await page.waitForFunction(() => /已读取并检查 2/.test(document.querySelector("[data-progress-text]").textContent));
  assert.deepEqual((await rows(page)).map((r) => r.agency).sort(), ["早选一局", "早选二局"]);
  // The input is emptied, so the same files can be picked again.
  assert.equal(await page.locator('[data-action="review-files"]').evaluate((el) => el.files.length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("汇总 of five reports: every summed cell, a breakdown, and the new draft in the form page", async () => {
  const { page, context, errors } = await openReview(h);
  const units = [1, 2, 3, 4, 5].map((n) =>
    variant(`汇总单位${n}`, 2024, (r) => {
      r.table3.new_received.natural_person = n;
      r.table3.disclosed.natural_person = n;
      r.table3.new_received.commercial = 0;
      r.table2.regulations.issued = n * 10;
    }),
  );
  // Recompute the totals the variants changed, as the app would.
  for (const r of units) {
    for (const row of ["new_received", "disclosed"]) {
      const t = r.table3[row];
      t.total = t.natural_person + t.commercial + t.research + t.public_welfare + t.legal_services + t.other;
    }
    const o = r.table3;
    const outcome = Object.keys(o).filter((k) => !["new_received", "carried_over", "outcome_total", "carried_forward"].includes(k));
    for (const col of Object.keys(o.outcome_total)) o.outcome_total[col] = outcome.reduce((s, k) => s + o[k][col], 0);
  }
  await page.locator('[data-action="review-files"]').setInputFiles(
    units.map((r, i) => ({ name: `unit-${i + 1}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(r)) })),
  );
  await page.waitForFunction(() => /已读取并检查 5/.test(document.querySelector("[data-progress-text]").textContent));
  page.on("dialog", (d) => d.accept());
  await page.locator('[data-action="aggregate"]').click();
  await page.locator('#detail [data-key="table3.new_received.natural_person"]').waitFor();
  const cell = (k) => page.locator(`#detail [data-key="${k}"]`).textContent();
  const sum = (f) => units.reduce((s, r) => s + f(r), 0);
  // Every summed input cell.
  const expected = await page.evaluate(() => [...document.querySelectorAll("#detail td[data-key]")].map((td) => [td.dataset.key, td.textContent]));
  assert.equal(expected.length, 200);
  for (const [key, shown] of expected) {
    const [t, r, c] = key.split(".");
    const values = units.map((u) => u[t][r][c]);
    if (values.every((v) => v === null)) assert.equal(shown, "", key);
    else if (key === "table2.fees.amount") assert.equal(Number(shown), Number(sum((u) => Number(u.table2.fees.amount))), key);
    else assert.equal(Number(shown), sum((u) => u[t][r][c] ?? 0), key);
  }
  assert.equal(await cell("table3.new_received.natural_person"), "15");
  assert.equal(await cell("table2.regulations.issued"), "150");
  // A breakdown by unit.
  const breakdown = page.locator('#detail [data-breakdown="table2.regulations.issued"]');
  await breakdown.locator("summary").click();
  const items = await breakdown.locator("li").allTextContents();
  assert.deepEqual(items, ["汇总单位1：10", "汇总单位2：20", "汇总单位3：30", "汇总单位4：40", "汇总单位5：50"]);
  // Opened in the form page: a new draft with the sums and the 汇总 preamble.
  const [form] = await Promise.all([context.waitForEvent("page"), page.locator('#detail [data-action="open-in-form"]').click()]);
  await form.waitForSelector('[data-key="table3.new_received.natural_person"]');
  assert.equal(await form.locator('[data-key="table3.new_received.natural_person"]').inputValue(), "15");
  assert.match(await form.locator('[data-key="preamble"]').inputValue(), /汇总本级 5 个单位/);
  assert.equal(await form.locator('[data-key="meta.agency"]').inputValue(), "");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a .zip of the units' reports (names in GBK, as Windows zips them): each report read as a file of its own, the rest counted", async () => {
  const { page, context, errors } = await openReview(h);
  await page.locator('[data-action="review-files"]').setInputFiles(path.join(ROOT, "tests/fixtures/archive/units.zip"));
  await page.waitForFunction(() =>
    /已读取并检查 4 个文件（文件夹或压缩包中另有 3 个非年报文件未读取）/.test(document.querySelector("[data-progress-text]").textContent),
  );
  const all = await rows(page);
  const by = (f) => all.find((r) => r.file === `units.zip/${f}`);
  assert.equal(by("财政局/平潭2022年报.html").year, "2022");
  assert.equal(by("教育局/唐宫街道2023年报.docx").agency, "西工区唐宫街道办事处");
  assert.equal(by("扫描件.pdf").status, "unreadable");
  assert.equal(by("旧/去年.zip").status, "unreadable");
  assert.match(await page.locator('[data-report-row][data-file="units.zip/旧/去年.zip"]').textContent(), /压缩包中的压缩包不读取/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a folder: its reports are read, the rest only counted; loading more adds; a report can be removed", async () => {
  const os = await import("node:os");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-folder-"));
  fs.mkdirSync(path.join(dir, "街道"));
  fs.copyFileSync(path.join(samples, "tanggong-jiedao-2023-gbk.html"), path.join(dir, "街道", "唐宫.html"));
  fs.writeFileSync(path.join(dir, "甲.json"), JSON.stringify(variant("甲局", 2021)));
  fs.writeFileSync(path.join(dir, "photo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const { page, context, errors } = await openReview(h);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.locator('[data-action="review-folder"]').setInputFiles(dir);
  await page.waitForFunction(() =>
    /已读取并检查 2 个文件（文件夹或压缩包中另有 1 个非年报文件未读取）/.test(document.querySelector("[data-progress-text]").textContent),
  );
  assert.deepEqual((await rows(page)).map((r) => r.agency).sort(), ["甲局", "西工区唐宫街道办事处"].sort());
  // More files add to the set.
  await page.locator('[data-action="review-files"]').setInputFiles([
    { name: "乙.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(variant("乙局", 2021))) },
  ]);
  await page.waitForFunction(() => document.querySelectorAll("[data-report-row]").length === 3);
  // Removing one.
  await page.locator('[data-report-row][data-agency="甲局"] [data-remove]').click();
  await page.waitForFunction(() => document.querySelectorAll("[data-report-row]").length === 2);
  assert.ok(!(await rows(page)).some((r) => r.agency === "甲局"));
  // Pasted text joins the set like a file.
  await page.locator("details.paste summary").click();
  await page.locator('[data-action="review-paste"]').fill(fs.readFileSync(path.join(samples, "tanggong-jiedao-2023.txt"), "utf8"));
  await page.locator('[data-action="review-paste-add"]').click();
  await page.waitForFunction(() => document.querySelectorAll("[data-report-row]").length === 3);
  assert.equal((await rows(page)).filter((r) => r.agency === "西工区唐宫街道办事处").length, 2);
  assert.ok((await rows(page)).some((r) => r.file.startsWith("粘贴的文本")));
  // Removing every report empties the list and its counts; adding works again.
  for (let n = 3; n > 0; n--) {
    await page.locator("[data-report-row] [data-remove]").first().click();
    await page.waitForFunction((n) => document.querySelectorAll("[data-report-row]").length === n, n - 1);
  }
  await page.waitForFunction(() => /共 0 份/.test(document.querySelector("[data-counts]").textContent));
  assert.equal(await page.locator("[data-progress-text]").textContent(), "");
  assert.ok(await page.locator("[data-progress]").isHidden());
  await page.locator('[data-action="review-files"]').setInputFiles([
    { name: "丙.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(variant("丙局", 2021))) },
  ]);
  await page.waitForFunction(() => /已读取并检查 1 个文件/.test(document.querySelector("[data-progress-text]").textContent));
  assert.deepEqual((await rows(page)).map((r) => r.agency), ["丙局"]);
  // Nothing leaves the page: no request beyond its own origin.
  const origin = new URL(h.server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("blob:") && !u.startsWith("data:")), []);
  assert.deepEqual(errors, []);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("with the keyboard alone: a row opens with Enter, 关闭 returns to it, 移除 leaves the focus in the list", async () => {
  const { page, context, errors } = await openReview(h);
  await page.locator('[data-action="review-files"]').setInputFiles(
    ["甲局", "乙局", "丙局"].map((agency) => ({
      name: `${agency}.json`,
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(variant(agency, 2021))),
    })),
  );
  await page.waitForFunction(() => /已读取并检查 3 个文件/.test(document.querySelector("[data-progress-text]").textContent));
  const focused = () => page.evaluate(() => document.activeElement.outerHTML.slice(0, 120));
  // A row is in the tab order; Enter opens it and puts the focus on its heading.
  await page.locator('[data-report-row][data-agency="乙局"]').focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /乙局/.test(document.querySelector("#detail h2")?.textContent ?? ""));
  assert.match(await focused(), /^<h2/);
  // Tab reaches the detail's buttons; 关闭 puts the focus back on the row.
  await page.keyboard.press("Tab");
  assert.match(await focused(), /data-action="open-in-form"/);
  await page.locator('#detail [data-action="close-detail"]').focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector("#detail h2"));
  assert.match(await focused(), /data-report-row[^>]*data-agency="乙局"/);
  // Space opens it too.
  await page.keyboard.press(" ");
  await page.waitForFunction(() => /乙局/.test(document.querySelector("#detail h2")?.textContent ?? ""));
  // 移除 from the keyboard: the row goes, the focus on the next row's 移除.
  await page.locator('[data-report-row][data-agency="甲局"] [data-remove]').focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("[data-report-row]").length === 2);
  assert.match(await focused(), /data-remove="0"[^>]*移除 乙局/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("reports removed one after another, faster than the batch is checked again, are the ones clicked", async () => {
  const many = units(300);
  const { page, context, errors } = await openReview(h);
  await page.locator('[data-action="review-files"]').setInputFiles(many);
  await page.waitForFunction(() => /已读取并检查 300 个文件/.test(document.querySelector("[data-progress-text]").textContent));
  // Two clicks in one task: the second before any check of the 299 ran.
  await page.evaluate(() => {
    for (const agency of ["单位5", "单位6", "单位150"]) {
      document.querySelector(`[data-report-row][data-agency="${agency}"] [data-remove]`).click();
    }
    // The row of a report after them opens its own report.
    document.querySelector('[data-report-row][data-agency="单位7"]').click();
  });
  assert.match(await page.locator("#detail h2").textContent(), /单位7/);
  await page.waitForFunction(() => /已读取并检查 297 个文件/.test(document.querySelector("[data-progress-text]").textContent));
  assert.match(await page.locator("[data-counts]").textContent(), /共 297 份/);
  const left = (await rows(page)).map((r) => r.agency);
  for (const gone of ["单位5", "单位6", "单位150"]) assert.ok(!left.includes(gone), gone);
  for (const kept of ["单位4", "单位7", "单位151"]) assert.ok(left.includes(kept), kept);
  assert.deepEqual(errors, []);
  await context.close();
});

test("files added while a batch is read or checked are read and checked with it, as if picked at once", async () => {
  // Enough reports that checking them takes several tasks.
  const many = units(300);
  const list = files();
  const first = [...list.slice(0, 12), ...many];
  const second = list.slice(12);
  const pasted = fs.readFileSync(path.join(samples, "tanggong-jiedao-2023.txt"), "utf8");
  const done = (n) => new RegExp(`已读取并检查 ${n} 个文件`).test(document.querySelector("[data-progress-text]").textContent);
  // The rest dropped on the page while the first files are checked (the
  // moment the progress first says so, between two tasks of checking).
  const { page, context, errors } = await openReview(h);
  await page.evaluate((files) => {
    const text = document.querySelector("[data-progress-text]");
    const watch = new MutationObserver(() => {
      if (!/正在检查/.test(text.textContent)) return;
      watch.disconnect();
      const data = new DataTransfer();
      for (const f of files) {
        data.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name, { type: f.mimeType }));
      }
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
      window.__dropped = true;
    });
    watch.observe(text, { childList: true, characterData: true, subtree: true });
  }, second.map((f) => ({ name: f.name, mimeType: f.mimeType, data: f.buffer.toString("base64") })));
  await page.locator('[data-action="review-files"]').setInputFiles(first);
  await page.waitForFunction(() => window.__dropped === true);
  await page.locator("details.paste summary").click();
  await page.locator('[data-action="review-paste"]').fill(pasted);
  await page.locator('[data-action="review-paste-add"]').click();
  const n = first.length + second.length + 1;
  await page.waitForFunction(done, n, { timeout: 30000 });
  assert.match(await page.locator("[data-counts]").textContent(), new RegExp(`^共 ${n} 份`));
  // The same files picked at once: the same findings, row for row.
  const once = await openReview(h);
  await once.page.locator('[data-action="review-files"]').setInputFiles([...first, ...second]);
  await once.page.waitForFunction(done, n - 1, { timeout: 30000 });
  await once.page.locator("details.paste summary").click();
  await once.page.locator('[data-action="review-paste"]').fill(pasted);
  await once.page.locator('[data-action="review-paste-add"]').click();
  await once.page.waitForFunction(done, n);
  const csv = await download(page, "download-findings-csv");
  assert.equal(csv, await download(once.page, "download-findings-csv"));
  // The year-on-year pair split over both batches is found: 上年结转 wrong.
  assert.match(csv, /\n测试区人民政府,2022,CARRY-OVER,错误,/);
  assert.deepEqual([...errors, ...once.errors], []);
  await context.close();
  await once.context.close();
});

test("when the importer worker cannot start, the 审核台 still reads our JSON and says why it cannot read the rest", async () => {
  const context = await h.browser.newContext();
  await context.addInitScript(() => {
    window.nianbaoImporter = () => {
      throw new Error("测试：禁止启动");
    };
  });
  const page = await context.newPage();
  await page.goto(h.server.url + "review.html");
  await page.locator('[data-action="review-files"]').setInputFiles([
    { name: "pingtan-2021.html", mimeType: "text/html", buffer: fs.readFileSync(path.join(samples, "pingtan-2021.html")) },
    { name: "甲.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(variant("甲局", 2021))) },
  ]);
  await page.waitForFunction(() => /已读取并检查 2 个文件/.test(document.querySelector("[data-progress-text]").textContent));
  const all = await rows(page);
  assert.equal(all.find((r) => r.file === "甲.json").agency, "甲局");
  assert.equal(all.find((r) => r.file === "pingtan-2021.html").status, "unreadable");
  assert.match(await page.locator('[data-report-row][data-file="pingtan-2021.html"]').textContent(), /导入组件未能启动.*测试：禁止启动/);
  await context.close();
});

test("a file the importer worker fails on is listed with why; the files queued behind it on that worker are read", async () => {
  // The worker's loader replaced by one that fails on crash.html and reads
  // every other file as one and the same report.
  const report = fs.readFileSync(path.join(ROOT, "tests/fixtures/reports/pingtan-2021.json"), "utf8");
  const context = await h.browser.newContext();
  let loads = 0;
  await context.route(/importer-[0-9a-f]+_loader\.js$/, (route) => {
    loads += 1;
    return route.fulfill({
      contentType: "text/javascript",
      body: `self.onmessage = (e) => {
        if (e.data.item === "crash.html") throw new Error("测试：读取失败");
        self.postMessage({ id: e.data.id, json: ${JSON.stringify(report)}, notes: [] });
      };
      self.postMessage({ ready: true });`,
    });
  });
  const page = await context.newPage();
  await page.goto(h.server.url + "review.html");
  const names = ["a.html", "crash.html", "b.html", "c.html", "d.html", "e.html"];
  await page.locator('[data-action="review-files"]').setInputFiles(
    names.map((name) => ({ name, mimeType: "text/html", buffer: Buffer.from(`<p>${name}</p>`) })),
  );
  await page.waitForFunction(() => /已读取并检查 6 个文件/.test(document.querySelector("[data-progress-text]").textContent));
  const all = await rows(page);
  assert.deepEqual(
    all.map((r) => `${r.file} ${r.status === "unreadable" ? "unreadable" : r.agency}`),
    names.map((n) => `${n} ${n === "crash.html" ? "unreadable" : "平潭综合实验区"}`),
  );
  assert.match(await page.locator('[data-report-row][data-file="crash.html"]').textContent(), /导入组件出错/);
  assert.ok(loads >= 2, "a new worker took the failed one's place");
  await context.close();
});

test("a file the importer worker never finishes is stopped and listed with why; the rest are read", async () => {
  // The worker's loader replaced by one that never answers for hang.html;
  // the browser tests' hook shortens the time allowed to 2 s.
  const report = fs.readFileSync(path.join(ROOT, "tests/fixtures/reports/pingtan-2021.json"), "utf8");
  const context = await h.browser.newContext();
  await context.addInitScript(() => localStorage.setItem("nianbao:test-hooks", "1"));
  await context.route(/importer-[0-9a-f]+_loader\.js$/, (route) =>
    route.fulfill({
      contentType: "text/javascript",
      body: `self.onmessage = (e) => {
        if (e.data.item !== "hang.html") self.postMessage({ id: e.data.id, json: ${JSON.stringify(report)}, notes: [] });
      };
      self.postMessage({ ready: true });`,
    }),
  );
  const page = await context.newPage();
  await page.goto(h.server.url + "review.html");
  const names = ["a.html", "hang.html", "b.html", "c.html", "d.html"];
  await page.locator('[data-action="review-files"]').setInputFiles(
    names.map((name) => ({ name, mimeType: "text/html", buffer: Buffer.from(`<p>${name}</p>`) })),
  );
  await page.waitForFunction(() => /已读取并检查 5 个文件/.test(document.querySelector("[data-progress-text]").textContent), null, {
    timeout: 20000,
  });
  const all = await rows(page);
  assert.deepEqual(
    all.map((r) => `${r.file} ${r.status === "unreadable" ? "unreadable" : r.agency}`),
    names.map((n) => `${n} ${n === "hang.html" ? "unreadable" : "平潭综合实验区"}`),
  );
  assert.match(await page.locator('[data-report-row][data-file="hang.html"]').textContent(), /读取超时：\d+ 秒仍未读完/);
  await context.close();
});

test("the 审核台 works from a sub-path of a static host", async () => {
  const { serveDist, launch } = await import("./support.mjs");
  const server = await serveDist({ base: "/zwgk/nianbao/" });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(server.url + "review.html");
    await page.locator('[data-action="review-files"]').setInputFiles(path.join(samples, "pingtan-2021.html"));
    await page.locator('[data-report-row][data-year="2021"]').waitFor();
    assert.equal(await page.locator('[data-action="to-form"]').getAttribute("href"), "index.html");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test("the 审核台's two CSVs are nianbao-check's, byte for byte, for the same files", async () => {
  const { execFileSync, spawnSync } = await import("node:child_process");
  const os = await import("node:os");
  let bin = path.join(ROOT, "target/debug/nianbao-check");
  if (!fs.existsSync(bin)) execFileSync("cargo", ["build", "--offline", "--quiet", "--bin", "nianbao-check"], { cwd: ROOT, stdio: "ignore" });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-csv-"));
  const inputs = [
    ["a.json", JSON.stringify(variant("甲局", 2021, (r) => (r.sections.other = "无。")))],
    ["b.json", JSON.stringify(variant("甲局", 2022, (r) => (r.table3.carried_over.natural_person += 2)))],
    ["c.htm", fs.readFileSync(path.join(samples, "tanggong-jiedao-2023-gbk.html"))],
    ["d.txt", fs.readFileSync(path.join(samples, "tanggong-jiedao-2023.txt"))],
    ["e.pdf", Buffer.from("%PDF-1.7")],
  ];
  for (const [name, body] of inputs) fs.writeFileSync(path.join(dir, name), body);
  const run = spawnSync(bin, [...inputs.map(([n]) => n), "--csv", "f.csv", "--cells", "c.csv"], { cwd: dir, encoding: "utf8" });
  assert.equal(run.status, 1, "the PDF cannot be read: exit status 1");

  const { page, context } = await openReview(h);
  await page.locator('[data-action="review-files"]').setInputFiles(inputs.map(([name]) => path.join(dir, name)));
  await page.waitForFunction(() => /已读取并检查 5/.test(document.querySelector("[data-progress-text]").textContent));
  assert.equal(await download(page, "download-findings-csv"), fs.readFileSync(path.join(dir, "f.csv"), "utf8"));
  assert.equal(await download(page, "download-cells-csv"), fs.readFileSync(path.join(dir, "c.csv"), "utf8"));
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the 审核台 reads reports as Word files, pages saved as one file, PDF and OFD files, Markdown and PDF text (issue 16)", async () => {
  const { page, context, errors } = await openReview(h);
  const forms = path.join(ROOT, "tests/fixtures/forms/pingtan-2021");
  const list = [
    { name: "平潭2021.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: fs.readFileSync(path.join(forms, "page.docx")) },
    { name: "平潭2021.mhtml", mimeType: "multipart/related", buffer: fs.readFileSync(path.join(forms, "page.mhtml")) },
    { name: "平潭2021.mht", mimeType: "message/rfc822", buffer: fs.readFileSync(path.join(forms, "page-ie.mht")) },
    { name: "平潭2021.ofd", mimeType: "application/ofd", buffer: fs.readFileSync(path.join(forms, "page.ofd")) },
    { name: "平潭2021.md", mimeType: "text/markdown", buffer: fs.readFileSync(path.join(forms, "page.md")) },
    { name: "平潭2021.pdf", mimeType: "application/pdf", buffer: fs.readFileSync(path.join(forms, "page.pdf")) },
    { name: "平潭2021-pdf.txt", mimeType: "text/plain", buffer: fs.readFileSync(path.join(forms, "pdf-layout.txt")) },
    { name: "平潭2021.doc", mimeType: "application/msword", buffer: fs.readFileSync(path.join(forms, "word2003.doc")) },
    { name: "旧版.doc", mimeType: "application/msword", buffer: fs.readFileSync(path.join(forms, "binary.doc")) },
    { name: "平潭2021.rtf", mimeType: "application/rtf", buffer: fs.readFileSync(path.join(forms, "page.rtf")) },
    { name: "加密.doc", mimeType: "application/msword", buffer: locked(fs.readFileSync(path.join(forms, "binary.doc"))) },
  ];
  await page.locator('[data-action="review-files"]').setInputFiles(list);
  await page.waitForFunction((n) => document.querySelectorAll("[data-report-row]").length === n, list.length, { timeout: 30000 });
  await page.waitForFunction(() => /已读取并检查/.test(document.querySelector("[data-progress-text]").textContent));
  const all = await rows(page);
  for (const f of ["平潭2021.docx", "平潭2021.doc", "旧版.doc", "平潭2021.rtf", "平潭2021.mhtml", "平潭2021.mht", "平潭2021.ofd", "平潭2021.pdf", "平潭2021.md", "平潭2021-pdf.txt"]) {
    const row = all.find((r) => r.file === f);
    assert.equal(row.status === "unreadable", false, f);
    assert.equal(row.year, "2021", f);
  }
  assert.equal(all.find((r) => r.file === "加密.doc").status, "unreadable");
  assert.match(await page.locator('[data-report-row][data-file="加密.doc"]').textContent(), /这个 Word 文件设置了打开密码，无法读取/);
  assert.deepEqual(errors, []);
  await context.close();
});
