// Shared by the browser tests and the benchmarks: a static server for dist/,
// Debian's Chromium driven by playwright-core, and request/console recording.
// Nothing here downloads a browser.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { serveDir } from "../../tools/static.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist");

/** Serves `dir` under the URL prefix `base` (e.g. "/some/sub/path/") on 127.0.0.1. */
export function serveDist({ dir = DIST, base = "/" } = {}) {
  return serveDir({ dir, base });
}

/** Launches Debian's Chromium headless, with a fresh profile. */
export async function launch() {
  const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Opens `url` in a new page and records every request and every console
 * error or page error. Resolves once the app has rendered (`[data-key]`).
 */
export async function openApp(browser, url, { context } = {}) {
  const ctx = context ?? (await browser.newContext({ acceptDownloads: true }));
  const page = await ctx.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(url);
  await page.waitForSelector("[data-key]");
  return { page, context: ctx, requests, errors };
}

/** The one-file offline edition, written into dist/ beside the hosted files. */
export const OFFLINE = "nianbao-offline.html";

/**
 * Gzipped size (level 9) of every file in `dir`, and their total. The hosted
 * edition is every file but the offline one; pass `only` to measure one file.
 */
export function gzipSizes(dir = DIST, { only } = {}) {
  const files = fs
    .readdirSync(dir)
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .filter((f) => (only ? f === only : !f.endsWith("-offline.html")))
    .sort()
    .map((name) => {
      const raw = fs.readFileSync(path.join(dir, name));
      return { name, bytes: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
    });
  return { files, total: files.reduce((n, f) => n + f.gzip, 0) };
}

/**
 * What a page of dist/ loads at start: the page itself and every file of
 * dist/ it names (its CSS, JS glue and wasm module). Files it only names for
 * later (the importer worker in `<meta name="nianbao-importer">`) are not
 * counted; `later` lists them.
 */
export function pageSizes(page = "index.html", dir = DIST) {
  const html = fs.readFileSync(path.join(dir, page), "utf8");
  const later = [...html.matchAll(/<meta name="nianbao-importer" content="\.\/([^"]+)"/g)].map((m) => m[1]);
  const named = new Set(
    [...html.replace(/<meta name="nianbao-importer"[^>]*>/g, "").matchAll(/\.\/([\w.-]+\.(?:js|wasm|css))/g)].map((m) => m[1]),
  );
  const files = [page, ...[...named].sort()].map((name) => {
    const raw = fs.readFileSync(path.join(dir, name));
    return { name, bytes: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
  });
  return { files, total: files.reduce((n, f) => n + f.gzip, 0), later };
}

/** Clicks `selector`, waits for the download it starts, returns its name and text. */
export async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(selector).first().click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
}

/**
 * For a test file: starts the static server (on `base`) and Chromium before
 * its tests and stops them after. Use `h.server.url` and `h.browser`.
 */
export function harness({ base = "/" } = {}) {
  const h = {};
  before(async () => {
    h.server = await serveDist({ base });
    h.browser = await launch();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });
  return h;
}

/** The selector of the element carrying a report value's `data-key`. */
export const key = (k) => `[data-key="${k}"]`;

/** A report year the year menu always offers (it lists the last seven years): last year. */
export const LAST_YEAR = new Date().getFullYear() - 1;

/**
 * In the page: fills localStorage to its quota with someone else's data (pass to page.evaluate),
 * to the last few characters (an entry of one character and its short key): with 16 characters
 * as the smallest piece, up to 25 could stay free, and a short edit could still be saved.
 */
export function fillStorage() {
  let i = 0;
  for (const size of [256 * 1024, 1024, 16, 1]) {
    const chunk = "x".repeat(size);
    try {
      for (;;) localStorage.setItem(`filler:${i++}`, chunk);
    } catch {}
  }
}

/** In the page: removes what fillStorage wrote. */
export function freeStorage() {
  for (const k of Object.keys(localStorage)) if (k.startsWith("filler:")) localStorage.removeItem(k);
}

/**
 * The six section headings, in order, from the format's definition
 * (tests/fixtures/FORMAT.md, a copy of ../shared/reference/FORMAT.md): the
 * browser tests never write them out themselves.
 */
export const SECTION_HEADINGS = (() => {
  const text = fs.readFileSync(path.join(ROOT, "tests/fixtures/FORMAT.md"), "utf8");
  const block = text.split("## Sections")[1].split("\n## ")[0];
  const headings = [...block.matchAll(/^([一二三四五六]、\S+)/gm)].map((m) => m[1]);
  if (headings.length !== 6) throw new Error(`FORMAT.md: expected six section headings, found ${headings}`);
  return headings;
})();

/**
 * A copy of an old binary Word file (.doc) marked as having an opening
 * password: the fEncrypted bit of its FIB, the header of its WordDocument
 * stream, which starts a 512-byte sector with the bytes EC A5.
 */
export function locked(doc) {
  const out = Buffer.from(doc);
  for (let at = 512; at + 12 < out.length; at += 512) {
    if (out[at] === 0xec && out[at + 1] === 0xa5) {
      out[at + 0x0b] |= 0x01;
      return out;
    }
  }
  throw new Error("no Word header found");
}
