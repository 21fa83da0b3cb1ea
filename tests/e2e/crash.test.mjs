// A panic (a bug) never passes silently: the crash screen says so, offers
// the last saved draft straight from storage (a plain link, no wasm), and
// stops editing until reload. The panic is triggered through the test hook
// of src/browser/panic.rs, enabled by `nianbao:test-hooks` in storage.

import { test } from "node:test";
import assert from "node:assert/strict";
import { harness, key, openApp } from "./support.mjs";

const h = harness();

test("a panic shows the crash screen, offers the saved draft and blocks edits", async () => {
  const context = await h.browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => localStorage.setItem("nianbao:test-hooks", "1"));
  const { page, errors } = await openApp(h.browser, h.server.url, { context });
  await page.locator(key("meta.agency")).fill("某某街道办事处");
  await page.locator(key("sections.overview")).fill("崩溃前已保存的文字。");
  await page.locator('[data-save-state="saved"]').waitFor();
  const savedAt = await page.evaluate(() => {
    const id = localStorage.getItem("nianbao:open");
    return JSON.parse(localStorage.getItem(`nianbao:draft:${id}`)).saved_at;
  });
  const hhmm = await page.evaluate((iso) => {
    const d = new Date(iso);
    return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
  }, savedAt);

  await page.evaluate(() => window.dispatchEvent(new Event("nianbao-test-panic")));
  const screen = page.locator("#nianbao-crash[role=alertdialog]");
  await screen.waitFor();
  const message = await screen.locator("p").textContent();
  assert.match(message, /^程序出现错误/);
  assert.ok(message.includes(`草稿已自动保存到 ${hhmm}，请下载备份并刷新页面`), message);
  assert.ok(errors.some((e) => e.includes("test panic")), "the panic is in the console for developers");

  // The backup downloads without the (now dead) wasm module.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('[data-action="download-backup"]').click(),
  ]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const backup = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  assert.equal(backup.schema, "nianbao.report/1");
  assert.equal(backup.meta.agency, "某某街道办事处");
  assert.equal(backup.sections.overview, "崩溃前已保存的文字。");
  assert.match(download.suggestedFilename(), /\.json$/);

  // Edits are blocked: the form is inert, typing changes nothing.
  const overview = page.locator(key("sections.overview"));
  assert.equal(await overview.evaluate((el) => el.closest("[inert]") !== null), true);
  await page.keyboard.type("崩溃后输入");
  assert.equal(await overview.inputValue(), "崩溃前已保存的文字。");
  await assert.rejects(overview.fill("x", { timeout: 500 }));

  // 刷新页面 brings the app back with the saved draft.
  await page.locator('[data-action="reload"]').click();
  await page.waitForSelector(key("sections.overview"));
  assert.equal(await page.locator(key("sections.overview")).inputValue(), "崩溃前已保存的文字。");
  assert.equal(await page.locator("#nianbao-crash").count(), 0);
  await context.close();
});

test("without the test hook the panic event does nothing", async () => {
  const { page, context, errors } = await openApp(h.browser, h.server.url);
  await page.evaluate(() => window.dispatchEvent(new Event("nianbao-test-panic")));
  await page.locator(key("meta.agency")).fill("仍可编辑");
  assert.equal(await page.locator("#nianbao-crash").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
