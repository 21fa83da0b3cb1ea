// The report form: typing, totals, keyboard movement, pasting from a
// spreadsheet, undo/redo, accessibility.

import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ROOT, harness, key, openApp } from "./support.mjs";

const h = harness();

const value = (page, k) =>
  page.locator(key(k)).evaluate((el) => (el.tagName === "OUTPUT" ? el.textContent : el.value));

async function paste(page, k, text) {
  await page.locator(key(k)).focus();
  await page.evaluate(
    ([sel, text]) => {
      const dt = new DataTransfer();
      dt.setData("text/plain", text);
      document
        .querySelector(sel)
        .dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    [key(k), text],
  );
}

test("typing into all three tables updates the totals", async () => {
  const { page, errors, context } = await openApp(h.browser, h.server.url);
  const byName = (name) => page.getByRole("textbox", { name, exact: true });
  await byName("一、本年新收政府信息公开申请数量 自然人").fill("3");
  await byName("一、本年新收政府信息公开申请数量 商业企业").fill("２");
  assert.equal(await value(page, "table3.new_received.total"), "5");
  await byName("（一）予以公开 自然人").fill("4");
  await byName("1.属于国家秘密 自然人").fill("1");
  assert.equal(await value(page, "table3.outcome_total.natural_person"), "5");
  assert.equal(await value(page, "table3.outcome_total.total"), "5");
  // The balance: 一 3 + 二 blank → no suggestion; with 二 = 4, 结转 should be 2.
  await byName("二、上年结转政府信息公开申请数量 自然人").fill("4");
  const take = page.getByRole("button", { name: "四、结转下年度继续办理 自然人：采用计算值 2" });
  await take.click();
  assert.equal(await value(page, "table3.carried_forward.natural_person"), "2");
  assert.equal(await take.count(), 0, "the suggestion disappears once taken");

  await byName("行政复议 结果维持").fill("1");
  await byName("行政复议 尚未审结").fill("2");
  assert.equal(await value(page, "table4.review.total"), "3");
  await byName("复议后起诉 结果纠正").fill("7");
  assert.equal(await value(page, "table4.litigation_after_review.total"), "7");

  await byName("行政规范性文件 本年制发件数").fill("12");
  await byName("行政事业性收费 本年收费金额（单位：万元）").fill("5949.088660");
  await page.keyboard.press("Tab");
  assert.equal(await value(page, "table2.fees.amount"), "5949.088660", "the fee is kept as entered");

  // Text that is not a number stays as typed and is marked.
  await byName("（一）予以公开 科研机构").fill("一");
  const cell = byName("（一）予以公开 科研机构");
  assert.equal(await cell.inputValue(), "一");
  assert.equal(await cell.getAttribute("aria-invalid"), "true");
  assert.equal(await value(page, "table3.disclosed.total"), "4", "invalid text is not summed");
  assert.deepEqual(errors, []);
  await context.close();
});

test("arrows, Enter and Tab move between cells; pasting a 3x4 block fills from the focused cell; Ctrl+Z undoes it", async () => {
  const { page, errors, context } = await openApp(h.browser, h.server.url);
  const focused = () => page.evaluate(() => document.activeElement?.dataset.key);
  await page.locator(key("table3.new_received.natural_person")).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await focused(), "table3.new_received.commercial");
  await page.keyboard.press("ArrowDown");
  assert.equal(await focused(), "table3.carried_over.commercial");
  await page.keyboard.press("Enter");
  assert.equal(await focused(), "table3.disclosed.commercial");
  await page.keyboard.press("Shift+Enter");
  assert.equal(await focused(), "table3.carried_over.commercial");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await focused(), "table3.carried_over.natural_person");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "table3.carried_over.commercial");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await focused(), "table3.carried_over.natural_person");

  await page.locator(key("table3.new_received.natural_person")).fill("9");
  await page.locator(key("table3.new_received.natural_person")).blur();
  // A 3x4 block copied from Excel (tab- and CRLF-separated, trailing newline).
  await paste(page, "table3.new_received.natural_person", "1\t2\t3\t4\r\n5\t6\t7\t8\r\n9\t10\t11\t12\r\n");
  const expected = {
    "table3.new_received.natural_person": "1",
    "table3.new_received.public_welfare": "4",
    "table3.carried_over.research": "7",
    "table3.disclosed.natural_person": "9",
    "table3.disclosed.public_welfare": "12",
  };
  for (const [k, v] of Object.entries(expected)) assert.equal(await value(page, k), v, k);
  assert.equal(await value(page, "table3.new_received.total"), "10");
  assert.equal(await value(page, "table3.carried_over.total"), "26");
  assert.equal(await value(page, "table3.outcome_total.total"), "42");
  assert.match(await page.locator(".notice").textContent(), /已粘贴 12 个单元格/);

  await page.keyboard.press("Control+z");
  assert.equal(await value(page, "table3.new_received.natural_person"), "9", "the paste is undone as one step");
  assert.equal(await value(page, "table3.carried_over.research"), "");
  assert.equal(await value(page, "table3.new_received.total"), "9");
  assert.equal(await value(page, "table3.outcome_total.total"), "");
  await page.keyboard.press("Control+y");
  assert.equal(await value(page, "table3.carried_over.research"), "7");
  assert.equal(await value(page, "table3.new_received.total"), "10");
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  assert.equal(await value(page, "table3.new_received.natural_person"), "", "typing undone too");
  assert.deepEqual(errors, []);
  await context.close();
});

test("section 一 offers the outline and counts characters", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  const overview = page.locator(key("sections.overview"));
  await overview.fill("2023年，本机关认真贯彻落实《条例》。");
  await page.getByRole("button", { name: "插入提纲（五个方面的小标题）" }).click();
  const text = await overview.inputValue();
  assert.ok(text.startsWith("2023年，本机关认真贯彻落实《条例》。\n\n（一）主动公开\n"), text);
  for (const h of ["（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]) {
    assert.ok(text.includes(h), h);
  }
  assert.match(await page.locator(".char-count").textContent(), /^已写 \d+ 字，原则上不超过 1000 字$/);
  await overview.fill("字".repeat(1001));
  assert.equal(await page.locator(".char-count.over").count(), 1);
  // The box grows with its content instead of scrolling inside.
  const [client, scroll] = await overview.evaluate((el) => [el.clientHeight, el.scrollHeight]);
  assert.ok(client >= scroll - 2, `textarea ${client} < content ${scroll}`);
  await context.close();
});

test("fits a 1366x768 laptop screen without horizontal scrolling", async () => {
  const context = await h.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const { page } = await openApp(h.browser, h.server.url, { context });
  const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  assert.ok(scrollWidth <= width, `page is ${scrollWidth}px wide on a ${width}px screen`);
  await context.close();
});

test("axe-core finds no serious or critical violation on the form", async () => {
  // The page's CSP rightly refuses injected scripts: let the test tool in.
  const context = await h.browser.newContext({ bypassCSP: true });
  const { page } = await openApp(h.browser, h.server.url, { context });
  await page.locator(key("table3.disclosed.research")).fill("abc");
  await page.addScriptTag({ path: path.join(ROOT, "node_modules/axe-core/axe.min.js") });
  const result = await page.evaluate(() => window.axe.run(document));
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target}`);
  assert.deepEqual(bad, []);
  await context.close();
});

test("a keystroke re-renders its cell's dependants, not the page", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  await page.locator(key("table4.review.upheld")).fill("1");
  await page.locator('[data-save-state="saved"]').waitFor();
  // Watch every DOM change, then change 1 → 2 (no finding changes: the
  // total is computed, the count of blank cells stays the same).
  await page.evaluate(() => {
    window.__changed = new Set();
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        if (el.closest(".toolbar")) continue; // the save indicator
        const owner = el.closest("[data-key]");
        window.__changed.add(owner ? owner.dataset.key : el.tagName + "." + el.className);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const cell = page.locator(key("table4.review.upheld"));
  await cell.press("Control+a");
  await cell.pressSequentially("2");
  await page.waitForTimeout(100);
  const changed = await page.evaluate(() => [...window.__changed]);
  assert.deepEqual(changed.sort(), ["table4.review.total"], `re-rendered: ${changed}`);
  assert.equal(await page.locator(key("table4.review.total")).textContent(), "2");
  await context.close();
});

test("a finding whose figures change keeps its place in the list; only its message changes", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  const cell = page.locator(key("table3.new_received.natural_person"));
  await cell.fill("5");
  const item = page.locator('[data-key-finding="T3-BALANCE:natural_person"]');
  await item.waitFor();
  const before = await item.locator(".message").textContent();
  const count = await page.locator("[data-rule]").count();
  await item.evaluate((el) => (el.__seen = true));
  await cell.press("End");
  await cell.pressSequentially("7");
  await page.waitForFunction(
    (old) => document.querySelector('[data-key-finding="T3-BALANCE:natural_person"] .message')?.textContent !== old,
    before,
  );
  assert.match(await item.locator(".message").textContent(), /57/);
  assert.equal(await item.evaluate((el) => el.__seen === true), true, "the finding's element was rebuilt");
  assert.equal(await page.locator("[data-rule]").count(), count);
  await context.close();
});

test("a keystroke's cell, totals and findings all show in the next frame", async () => {
  const { page, context } = await openApp(h.browser, h.server.url);
  // What a requestAnimationFrame callback sees right after the keystroke is
  // what that frame paints.
  await page.evaluate(() => {
    window.addEventListener(
      "input",
      () =>
        requestAnimationFrame(() => {
          const q = (s) => document.querySelector(s);
          window.__frame = {
            cell: q('[data-key="table3.new_received.natural_person"]').value,
            rowTotal: q('[data-key="table3.new_received.total"]').textContent,
            balance: q('[data-key-finding="T3-BALANCE:natural_person"] .message')?.textContent ?? null,
            marked: q('[data-key="table3.new_received.natural_person"]').getAttribute("aria-invalid"),
          };
        }),
      { once: true },
    );
  });
  await page.locator(key("table3.new_received.natural_person")).focus();
  await page.keyboard.press("5");
  await page.waitForFunction(() => window.__frame);
  const frame = await page.evaluate(() => window.__frame);
  assert.equal(frame.cell, "5");
  assert.equal(frame.rowTotal, "5");
  assert.match(frame.balance ?? "", /5/);
  assert.equal(frame.marked, "true");
  await context.close();
});
