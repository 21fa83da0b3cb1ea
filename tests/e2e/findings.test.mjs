// Live validation in the form: findings on the right cells, fixed away,
// focus on click, warnings confirmed and kept across a reload.

import { test } from "node:test";
import assert from "node:assert/strict";
import { downloadText, harness, key, openApp } from "./support.mjs";

const h = harness();


test("an unbalanced table 三 shows T3-BALANCE on its cells; fixing it removes it", async () => {
  const { page, context, errors } = await openApp(h.browser, h.server.url);
  const fill = (k, v) => page.locator(key(k)).fill(v);
  await fill("table3.new_received.natural_person", "3");
  await fill("table3.carried_over.natural_person", "1");
  await fill("table3.disclosed.natural_person", "2");
  await fill("table3.carried_forward.natural_person", "1");
  const finding = page.locator('[data-rule="T3-BALANCE"]').filter({ hasText: "自然人列" });
  await finding.waitFor();
  assert.equal(
    (await finding.locator(".message").textContent()).trim(),
    "自然人列：本年新收 3 + 上年结转 1 = 4，但（七）总计 2 + 结转下年度 1 = 3",
  );
  const id = await finding.getAttribute("id");
  for (const k of [
    "table3.carried_forward.natural_person",
    "table3.new_received.natural_person",
    "table3.carried_over.natural_person",
  ]) {
    const cell = page.locator(key(k));
    assert.equal(await cell.getAttribute("aria-invalid"), "true", k);
    assert.ok((await cell.getAttribute("aria-describedby")).split(" ").includes(id), k);
  }
  // A cell outside the finding is not marked by it.
  const other = await page.locator(key("table3.disclosed.commercial")).getAttribute("aria-describedby");
  assert.ok(!(other ?? "").split(" ").includes(id));
  // The counts are announced in one polite live region.
  assert.match(await page.locator('.findings [aria-live="polite"]').textContent(), /^错误 \d+ 项，未核实的警告 \d+ 项/);

  // Clicking the finding moves focus to its first cell.
  await finding.locator(".finding-go").click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), "table3.carried_forward.natural_person");

  await fill("table3.carried_forward.natural_person", "2");
  await page.locator('[data-rule="T3-BALANCE"]').first().waitFor({ state: "detached" });
  assert.equal(await page.locator(key("table3.carried_forward.natural_person")).getAttribute("aria-invalid"), "false");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a warning confirmed with a note survives a reload; errors offer no confirmation", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator(key("sections.other")).fill("无。");
  const fee = page.locator('[data-rule="FEE-STATEMENT"]');
  await fee.waitFor();
  await fee.getByRole("button", { name: "核实无误…" }).click();
  await fee.getByRole("textbox", { name: "核实说明" }).fill("已核实：本年度未收取信息处理费，将在正文补充");
  await fee.getByRole("button", { name: "确认" }).click();
  await page.locator('[data-rule="FEE-STATEMENT"].confirmed').waitFor();
  // The empty sections are errors: shown, and without 核实无误.
  await page.locator('[data-rule="SECTIONS"]').first().waitFor();
  assert.ok((await page.locator('[data-rule="SECTIONS"]').count()) > 0, "a SECTIONS error is shown");
  assert.equal(await page.locator('[data-rule="SECTIONS"] >> text=核实无误…').count(), 0, "errors cannot be confirmed");
  await page.locator('[data-save-state="saved"]').waitFor();
  await page.reload();
  await page.waitForSelector("[data-key]");
  const confirmed = page.locator('[data-rule="FEE-STATEMENT"].confirmed');
  await confirmed.waitFor();
  assert.match(await confirmed.textContent(), /已核实：本年度未收取信息处理费，将在正文补充/);
  assert.equal(await page.locator(key("sections.other")).inputValue(), "无。");
  await context.close();
});

test("the status line says 可以发布 only when no error and no unconfirmed warning is left", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  assert.match(await page.locator(".findings .status").textContent(), /^还有 \d+ 个错误/);
  // Make a complete report from the app's own download and import it.
  const { text } = await downloadText(page, '[data-action="download-json"]');
  const report = JSON.parse(text);
  for (const table of ["table2", "table3", "table4"]) {
    for (const row of Object.values(report[table])) for (const col of Object.keys(row)) row[col] = 0;
  }
  report.table2.fees.amount = "0";
  report.meta.agency = "某某县某某局";
  report.meta.level = "county_department";
  report.meta.deadline = "2999-01-31"; // not past, whatever day the test runs
  report.sections.overview = "（一）主动公开……（二）依申请公开……（三）政府信息管理……（四）政府信息公开平台建设……（五）监督保障……";
  report.sections.problems = "一是政策解读形式不够丰富，未能充分运用图表图解等方式解读政策文件；二是政务新媒体更新不及时。下一步将丰富解读形式，加强新媒体管理。";
  report.sections.other = "本年度未收取信息处理费。";
  await page.locator('[data-action="import-file"]').setInputFiles({
    name: "complete.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(report)),
  });
  await page.locator(".findings .status.ok").waitFor();
  assert.equal((await page.locator(".findings .status").textContent()).trim(), "可以发布");
  // One warning brings it back until it is confirmed.
  await page.locator(key("sections.other")).fill("无。");
  await page.locator(".findings .status:not(.ok)").waitFor();
  assert.equal((await page.locator(".findings .status").textContent()).trim(), "还有 1 个未核实的警告，暂不宜发布");
  const fee = page.locator('[data-rule="FEE-STATEMENT"]');
  await fee.getByRole("button", { name: "核实无误…" }).click();
  await fee.getByRole("textbox", { name: "核实说明" }).fill("已核实：未收费");
  await fee.getByRole("button", { name: "确认" }).click();
  await page.locator(".findings .status.ok").waitFor();
  await context.close();
});

