// Drafts are never lost: reload, full storage, corrupted entries, two tabs,
// storage unavailable, JSON download and import.

import { test } from "node:test";
import assert from "node:assert/strict";
import { downloadText, harness, key, openApp, LAST_YEAR, fillStorage as fill, freeStorage as free } from "./support.mjs";

const h = harness();

const saved = (page) => page.locator('[data-save-state="saved"]').waitFor();
const storedDrafts = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("nianbao:draft:"))
      .map((k) => JSON.parse(localStorage.getItem(k))),
  );

test("fill, reload: everything is back", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).fill("西工区唐宫路街道办事处");
  await page.locator(key("meta.level")).selectOption("township");
  await page.locator(key("meta.contact")).fill("电话 0379-0000000");
  await page.locator(key("preamble")).fill("本报告根据……编制。");
  await page.locator(key("sections.overview")).fill("第一段。\n\n（一）主动公开\n第二段。");
  await page.locator(key("table3.new_received.natural_person")).fill("３");
  await page.locator(key("table3.carried_over.natural_person")).fill("一");
  await page.locator(key("table2.fees.amount")).fill("12.50");
  await page.locator(key("table4.review.upheld")).fill("0");
  await saved(page);
  assert.match(await page.locator(".save-state").textContent(), /^已保存 \d\d:\d\d:\d\d$/);
  await page.reload();
  await page.waitForSelector("[data-key]");
  const expect = {
    "meta.agency": "西工区唐宫路街道办事处",
    "meta.level": "township",
    "meta.contact": "电话 0379-0000000",
    preamble: "本报告根据……编制。",
    "sections.overview": "第一段。\n\n（一）主动公开\n第二段。",
    "table3.new_received.natural_person": "3",
    "table3.carried_over.natural_person": "一",
    "table2.fees.amount": "12.50",
    "table4.review.upheld": "0",
    "table4.review.corrected": "",
  };
  for (const [k, v] of Object.entries(expect)) assert.equal(await page.locator(key(k)).inputValue(), v, k);
  assert.equal(await page.locator(key("table3.new_received.total")).textContent(), "3");
  await context.close();
});

test("storage full: a banner, the download offered, and the previous copy intact", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).fill("甲");
  await saved(page);
  // Fill the storage to its quota with someone else's data.
  await page.evaluate(fill);
  await page.locator(key("sections.overview")).fill("很长的正文".repeat(500));
  const banner = page.locator('[data-banner="save-failed"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /浏览器存储空间已满/);
  const { text } = await downloadText(page, '[data-banner="save-failed"] button');
  assert.equal(JSON.parse(text).sections.overview, "很长的正文".repeat(500), "the download has the unsaved text");
  const [draft] = await storedDrafts(page);
  assert.equal(draft.report.meta.agency, "甲");
  assert.equal(draft.report.sections.overview, "", "the last good copy is intact");
  await context.close();
});

test("a corrupted entry planted before load is offered for download and left alone", async () => {
  const context = await h.browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    if (!sessionStorage.getItem("planted")) {
      localStorage.setItem("nianbao:draft:broken", '{"store": 1, "report": {"schema": tru');
      sessionStorage.setItem("planted", "1");
    }
  });
  const { page, errors } = await openApp(h.browser, h.server.url, { context });
  await page.locator('[data-banner="unreadable"]').waitFor();
  await page.getByRole("button", { name: "我的草稿" }).click();
  const { name, text } = await downloadText(page, '[data-act="download-raw"]');
  assert.equal(text, '{"store": 1, "report": {"schema": tru');
  assert.match(name, /nianbao_draft_broken\.txt$/);
  await page.locator(key("meta.agency")).fill("乙");
  await saved(page);
  assert.equal(await page.evaluate(() => localStorage.getItem("nianbao:draft:broken")), '{"store": 1, "report": {"schema": tru');
  assert.deepEqual(errors, []);
  await context.close();
});

test("two pages of one browser editing one draft: no silent overwrite", async () => {
  const context = await h.browser.newContext({ acceptDownloads: true });
  const a = (await openApp(h.browser, h.server.url, { context })).page;
  await a.locator(key("meta.agency")).fill("甲");
  await saved(a);
  const b = (await openApp(h.browser, h.server.url, { context })).page;
  assert.equal(await b.locator(key("meta.agency")).inputValue(), "甲", "the second page opens the same draft");
  await a.locator(key("meta.agency")).fill("甲（A 页）");
  await saved(a);
  await b.locator('[data-banner="conflict"]').waitFor();
  await b.locator(key("meta.agency")).fill("甲（B 页）");
  await b.waitForTimeout(800);
  let [draft] = await storedDrafts(a);
  assert.equal(draft.report.meta.agency, "甲（A 页）", "B did not overwrite A's newer copy");
  await b.getByRole("button", { name: "把本页内容另存为新草稿" }).click();
  await saved(b);
  const all = (await storedDrafts(a)).map((d) => d.report.meta.agency).sort();
  assert.deepEqual(all, ["甲（A 页）", "甲（B 页）"]);
  await context.close();
});

test("storage unavailable: the app works, a banner says drafts are not kept, the download is offered", async () => {
  const context = await h.browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const { page, errors } = await openApp(h.browser, h.server.url, { context });
  await page.locator('[data-banner="not-kept"]').waitFor();
  await page.locator(key("table3.new_received.natural_person")).fill("2");
  assert.equal(await page.locator(key("table3.new_received.total")).textContent(), "2");
  const { text } = await downloadText(page, '[data-banner="not-kept"] button');
  assert.equal(JSON.parse(text).table3.new_received.natural_person, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test("download JSON: named after the title, per the schema, with app and time", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).fill("某某县某某局");
  await page.locator(key("meta.year")).selectOption(String(LAST_YEAR));
  const { name, text } = await downloadText(page, '[data-action="download-json"]');
  assert.equal(name, `某某县某某局${LAST_YEAR}年政府信息公开工作年度报告.json`);
  const json = JSON.parse(text);
  assert.equal(json.schema, "nianbao.report/1");
  assert.equal(json.format, "gov-2021");
  assert.equal(json.app.name, "nianbao");
  assert.match(json.exported_at, /^\d{4}-\d\d-\d\dT/);
  assert.equal(json.meta.year, LAST_YEAR);
  await context.close();
});

test("import: a good file becomes a new draft; three bad ones change nothing and say why", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).fill("原草稿");
  await saved(page);
  const { text } = await downloadText(page, '[data-action="download-json"]');
  const good = JSON.parse(text);
  good.meta.agency = "导入的机关";
  good.table3.new_received.natural_person = 5;
  const input = page.locator('[data-action="import-file"]');
  const put = (name, body) => input.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(body) });

  const bad = [
    ["not-json.json", "这不是 JSON", /不是有效的 JSON 文件/],
    ["other.json", JSON.stringify({ name: "something else" }), /schema：不是 nianbao 年报文件/],
    [
      "negative.json",
      JSON.stringify({ ...good, table3: { ...good.table3, new_received: { ...good.table3.new_received, natural_person: -1 } } }),
      /table3\.new_received\.natural_person：应为非负整数，实为 -1/,
    ],
  ];
  for (const [name, body, message] of bad) {
    await put(name, body);
    const banner = page.locator('[data-banner="import-failed"]');
    await banner.waitFor();
    assert.match(await banner.textContent(), message, name);
    assert.equal(await page.locator(key("meta.agency")).inputValue(), "原草稿", `${name} changed nothing`);
    await banner.getByRole("button", { name: "关闭" }).click();
  }

  await put("good.json", JSON.stringify(good));
  await page.waitForFunction(() => document.querySelector('[data-key="meta.agency"]').value === "导入的机关");
  assert.equal(await page.locator(key("table3.new_received.natural_person")).inputValue(), "5");
  await saved(page);
  const agencies = (await storedDrafts(page)).map((d) => d.report.meta.agency).sort();
  assert.deepEqual(agencies, ["原草稿", "导入的机关"], "the open draft was not overwritten");
  await context.close();
});

test("drafts list: new, rename, delete to the bin and restore, new from last year", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).fill("丙街道办事处");
  await page.locator(key("meta.year")).selectOption(String(LAST_YEAR));
  await page.locator(key("table3.carried_forward.natural_person")).fill("2");
  await saved(page);
  await page.locator('[data-action="new-draft"]').click();
  assert.equal(await page.locator(key("meta.agency")).inputValue(), "");
  await page.getByRole("button", { name: "我的草稿" }).click();
  const row = page.locator("tr[data-draft]").filter({ hasText: "丙街道办事处" });
  page.once("dialog", (d) => d.accept("去年的草稿"));
  await row.locator('[data-act="rename"]').click();
  await page.locator("tr[data-draft]").filter({ hasText: "去年的草稿" }).waitFor();
  await page.locator("tr[data-draft]").filter({ hasText: "去年的草稿" }).locator('[data-act="next-year"]').click();
  assert.equal(await page.locator(key("meta.agency")).inputValue(), "丙街道办事处");
  assert.equal(await page.locator(key("meta.year")).inputValue(), String(LAST_YEAR + 1));
  assert.equal(await page.locator(key("table3.carried_over.natural_person")).inputValue(), "2");
  // The baseline is loaded: a wrong carry-over is now an error.
  await page.locator(key("table3.carried_over.natural_person")).fill("1");
  await page.locator('[data-rule="CARRY-OVER"]').first().waitFor();
  await saved(page);
  await page.getByRole("button", { name: "我的草稿" }).click();
  await page.locator("tr[data-draft]").filter({ hasText: "去年的草稿" }).locator('[data-act="delete"]').click();
  const bin = page.locator("table.bin tr[data-draft]");
  await bin.first().waitFor();
  assert.equal(await bin.count(), 1);
  assert.match(await bin.textContent(), /去年的草稿/);
  await bin.locator('[data-act="restore"]').click();
  await page.locator("table.bin tr[data-draft]").first().waitFor({ state: "detached" });
  assert.equal(await page.locator("tbody tr[data-draft]").filter({ hasText: "去年的草稿" }).count(), 1);
  await context.close();
});

test("dropping a downloaded JSON file on the page imports it as a new draft", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).fill("原草稿");
  await page.locator('[data-save-state="saved"]').waitFor();
  const { text } = await downloadText(page, '[data-action="download-json"]');
  const dropped = JSON.parse(text);
  dropped.meta.agency = "拖入的机关";
  await page.evaluate((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], "report.json", { type: "application/json" }));
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(dropped));
  await page.waitForFunction(() => document.querySelector('[data-key="meta.agency"]').value === "拖入的机关");
  await page.locator('[data-save-state="saved"]').waitFor();
  const agencies = (await storedDrafts(page)).map((d) => d.report.meta.agency).sort();
  assert.deepEqual(agencies, ["原草稿", "拖入的机关"]);
  await context.close();
});

test("duplicating a draft opens a copy and keeps the original", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).fill("丁镇人民政府");
  await page.locator(key("meta.year")).selectOption(String(LAST_YEAR));
  await page.locator(key("table4.review.upheld")).fill("3");
  await page.locator('[data-save-state="saved"]').waitFor();
  await page.getByRole("button", { name: "我的草稿" }).click();
  await page.locator("tr[data-draft]").filter({ hasText: "丁镇人民政府" }).locator('[data-act="duplicate"]').click();
  await page.locator('[data-save-state="saved"]').waitFor();
  assert.equal(await page.locator(key("table4.review.upheld")).inputValue(), "3");
  const drafts = await storedDrafts(page);
  assert.equal(drafts.length, 2);
  assert.deepEqual(drafts.map((d) => d.name).sort(), ["", `丁镇人民政府${LAST_YEAR}年政府信息公开工作年度报告（副本）`].sort());
  await context.close();
});

const fillStorage = (page) => page.evaluate(fill);
const freeStorage = (page) => page.evaluate(free);

test("storage full, then 新建草稿 or 打开 another draft: nothing typed is lost, and 重试 finishes it", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).fill("乙");
  await saved(page);
  await page.locator('[data-action="new-draft"]').click();
  await page.locator(key("meta.agency")).fill("甲");
  await saved(page);
  await fillStorage(page);
  const typed = "存储满了以后输入的文字，一个字也不能丢。";
  await page.locator(key("sections.overview")).fill(typed);
  await page.locator('[data-banner="save-failed"]').waitFor();

  // 新建草稿: refused, with the reason, the backup and 重试; the editor keeps everything.
  await page.locator('[data-action="new-draft"]').click();
  const blocked = page.locator('[data-banner="blocked"]');
  await blocked.waitFor();
  assert.match(await blocked.textContent(), /“新建草稿”未执行：浏览器存储空间已满/);
  assert.equal(await page.locator(key("sections.overview")).inputValue(), typed);
  assert.equal(await page.locator(key("meta.agency")).inputValue(), "甲");
  assert.doesNotMatch((await page.locator(".notice").textContent()) ?? "", /原草稿已保存/);
  const { text } = await downloadText(page, '[data-banner="blocked"] button');
  assert.equal(JSON.parse(text).sections.overview, typed, "the backup has the unsaved text");

  // 打开 another draft from the list: refused the same way.
  await page.getByRole("button", { name: "我的草稿" }).click();
  await page.locator("tr[data-draft]").filter({ hasText: "乙" }).locator('[data-act="open"]').click();
  await page.waitForFunction(() => /“打开草稿”未执行/.test(document.querySelector('[data-banner="blocked"]')?.textContent ?? ""));
  assert.equal(await page.locator(key("sections.overview")).inputValue(), typed);
  assert.equal(await page.locator(key("meta.agency")).inputValue(), "甲");
  let stored = (await storedDrafts(page)).find((d) => d.report.meta.agency === "甲");
  assert.equal(stored.report.sections.overview, "", "the last good copy is intact");

  // Space freed: 重试 saves the edits first, then opens 乙.
  await freeStorage(page);
  await page.locator('[data-banner="blocked"] [data-action="retry"]').click();
  await page.waitForFunction(() => document.querySelector('[data-key="meta.agency"]').value === "乙");
  assert.equal(await page.locator('[data-banner="blocked"]').count(), 0);
  stored = (await storedDrafts(page)).find((d) => d.report.meta.agency === "甲");
  assert.equal(stored.report.sections.overview, typed, "every typed character is in storage");
  await context.close();
});

test("leaving the page: the browser asks while an edit is not saved, not once it is", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator(key("meta.agency")).click();
  await page.keyboard.type("甲");
  await saved(page);
  await fillStorage(page);
  await page.locator(key("sections.overview")).click();
  await page.keyboard.type("未能保存的文字".repeat(12));
  await page.locator('[data-banner="save-failed"]').waitFor();
  const dialogs = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.type());
    await d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await page.waitForTimeout(500);
  assert.deepEqual(dialogs, ["beforeunload"], "asked while the save failed");
  assert.equal(page.isClosed(), false, "staying on the page keeps it");

  await freeStorage(page);
  await page.locator('[data-action="retry-save"]').click();
  await saved(page);
  await page.close({ runBeforeUnload: true });
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.deepEqual(dialogs, ["beforeunload"], "no prompt once saved");
  assert.equal(page.isClosed(), true);
  await context.close();
});

test("a file that cannot be read says so, whether reading fails or is refused", async () => {
  for (const mode of ["error-event", "throws"]) {
    const context = await h.browser.newContext();
    await context.addInitScript((mode) => {
      FileReader.prototype.readAsArrayBuffer = function () {
        if (mode === "throws") throw new DOMException("The requested file could not be read", "NotReadableError");
        setTimeout(() => {
          Object.defineProperty(this, "error", { value: new DOMException("文件已被移走", "NotReadableError") });
          this.dispatchEvent(new ProgressEvent("error"));
        });
      };
    }, mode);
    const { page } = await openApp(h.browser, h.server.url, { context });
    await page.locator(key("meta.agency")).fill("原草稿");
    await page.locator('[data-action="import-file"]').setInputFiles({
      name: "去年.json",
      mimeType: "application/json",
      buffer: Buffer.from("{}"),
    });
    const banner = page.locator('[data-banner="import-failed"]');
    await banner.waitFor();
    const text = await banner.textContent();
    assert.match(text, /无法读取文件“去年\.json”/, mode);
    assert.doesNotMatch(text, /不是有效的 JSON/, mode);
    assert.equal(await page.locator(key("meta.agency")).inputValue(), "原草稿");
    await context.close();
  }
});

test("the last open draft unreadable at startup: its own banner, and it is kept", async () => {
  const context = await h.browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem("planted")) {
      localStorage.setItem("nianbao:draft:lost", '{"store": 1, "report": {');
      localStorage.setItem("nianbao:open", "lost");
      sessionStorage.setItem("planted", "1");
    }
  });
  const { page } = await openApp(h.browser, h.server.url, { context });
  const banner = page.locator('[data-banner="startup-unreadable"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /上次打开的草稿（lost）无法读取，已原样保留/);
  assert.equal(await page.locator('[data-banner="import-failed"]').count(), 0);
  await page.locator(key("meta.agency")).fill("新草稿");
  await saved(page);
  assert.equal(await page.evaluate(() => localStorage.getItem("nianbao:draft:lost")), '{"store": 1, "report": {');
  await context.close();
});
