// Runs after `trunk build --release` (make dist):
//  -. minifies the style sheets (csso, without restructuring: whitespace and
//     comments only) and updates their integrity hashes in both pages;
//  0. gives the importer worker's files content-hashed names;
//  1. adds a Content-Security-Policy to dist/index.html that allows nothing
//     beyond the app's own files (the inline loader script by its hash);
//  2. writes dist/nianbao-offline.html: one self-contained file (CSS, JS glue
//     and the wasm as base64 inlined, the importer worker too) that works
//     opened from disk (file://) and may load nothing at all.

import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { minify } from "csso";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
const sha256 = (text) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;

// -. Style sheets minified (about 1 KB gz of the form page's 250), their
//    subresource-integrity hashes in both pages updated to match.
const minified = new Map();
for (const name of ["index.html", "review.html"]) {
  const file = path.join(DIST, name);
  const html = fs.readFileSync(file, "utf8").replace(
    /<link rel="stylesheet" href="\.\/([^"]+\.css)" integrity="sha384-[^"]*"\/>/g,
    (tag, css) => {
      if (!minified.has(css)) {
        const p = path.join(DIST, css);
        const small = minify(fs.readFileSync(p, "utf8"), { restructure: false, comments: false }).css;
        fs.writeFileSync(p, small);
        minified.set(css, `sha384-${crypto.createHash("sha384").update(small, "utf8").digest("base64")}`);
      }
      return tag.replace(/integrity="[^"]*"/, `integrity="${minified.get(css)}"`);
    },
  );
  fs.writeFileSync(file, html);
}
if (minified.size === 0) throw new Error("no style sheet found in dist/index.html: did trunk's output change?");

const indexPath = path.join(DIST, "index.html");
let index = fs.readFileSync(indexPath, "utf8");
index = index.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, "");

// 0. The importer worker (src/bin/importer.rs), which trunk writes without
//    hashes: content-hashed names, so that a browser never pairs an old glue
//    with a new module, named in a meta tag for src/browser/importer.rs.
const importerFile = (name) => {
  const p = path.join(DIST, name);
  if (!fs.existsSync(p)) throw new Error(`dist/${name} is missing: run trunk build before this script`);
  return fs.readFileSync(p);
};
const importer = { js: importerFile("importer.js"), wasm: importerFile("importer_bg.wasm") };
const importerHash = crypto.createHash("sha256").update(importer.js).update(importer.wasm).digest("hex").slice(0, 16);
const importerBase = `importer-${importerHash}`;
fs.writeFileSync(path.join(DIST, `${importerBase}.js`), importer.js);
fs.writeFileSync(path.join(DIST, `${importerBase}_bg.wasm`), importer.wasm);
fs.writeFileSync(
  path.join(DIST, `${importerBase}_loader.js`),
  `importScripts("./${importerBase}.js");wasm_bindgen({ module_or_path: "./${importerBase}_bg.wasm" });`,
);
for (const name of ["importer.js", "importer_bg.wasm", "importer_loader.js"]) fs.rmSync(path.join(DIST, name));
// Both pages read published reports through it (the 审核台 its batches).
const importerMeta = `$1\n    <meta name="nianbao-importer" content="./${importerBase}_loader.js" />`;
index = index.replace(/(<meta charset="utf-8" \/>)/, importerMeta);
const reviewPath = path.join(DIST, "review.html");
fs.writeFileSync(reviewPath, fs.readFileSync(reviewPath, "utf8").replace(/(<meta charset="utf-8" \/>)/, importerMeta));

// 1. The hosted editions' policy: nothing beyond the page's own files (its
//    inline loader script allowed by its hash).
function addHostedCsp(name) {
  const file = path.join(DIST, name);
  let html = fs.readFileSync(file, "utf8").replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  if (!loader) throw new Error(`dist/${name} has no inline loader script: did trunk's output change?`);
  const hosted = [
    "default-src 'self'",
    `script-src 'self' ${sha256(loader[1])} 'wasm-unsafe-eval'`,
    // Inline styles: the published-report preview (srcdoc) carries its own <style>.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-src 'self' blob: data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  html = html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${hosted}" />`);
  if (!html.includes("Content-Security-Policy")) throw new Error(`could not place the CSP in dist/${name}`);
  fs.writeFileSync(file, html);
  return html;
}
fs.writeFileSync(indexPath, index);
index = addHostedCsp("index.html");
const review = addHostedCsp("review.html");

// 2. The offline editions: one file each, its CSS, body, JS glue and wasm
//    inlined, loading nothing.
const file = (re) => {
  const name = fs.readdirSync(DIST).find((f) => re.test(f));
  if (!name) throw new Error(`dist/ has no file matching ${re}`);
  return fs.readFileSync(path.join(DIST, name));
};
/** The page's glue module as plain code, and the wasm it loads. */
function moduleOf(page) {
  const glueName = page.match(/import init, \* as bindings from '\.\/([^']+\.js)'/)?.[1];
  const wasmName = page.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
  if (!glueName || !wasmName) throw new Error("could not find the page's glue and wasm: did trunk's output change?");
  let glue = fs.readFileSync(path.join(DIST, glueName), "utf8");
  // The glue is an ES module: inline it as plain code in our own module.
  glue = glue
    .replace(/^export (class|function|const|let|async function) /gm, "$1 ")
    .replace(/^export \{[^}]*\};?\s*$/gm, "");
  if (/^export /m.test(glue)) throw new Error("unexpected export left in the wasm-bindgen glue");
  return { glue, wasm: fs.readFileSync(path.join(DIST, wasmName)) };
}
function offlineEdition({ page, out, title, prelude = "" }) {
  const { glue, wasm } = moduleOf(page);
  const css = [...page.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/g)]
    .map((m) => fs.readFileSync(path.join(DIST, m[1]), "utf8"))
    .join("\n");
  const body = (page.match(/<body>([\s\S]*)<\/body>/)?.[1] ?? "").replace(/<script[\s\S]*?<\/script>/g, "").trim();
  const script = `
${prelude}
${glue}
const bytes = Uint8Array.from(atob("${wasm.toString("base64")}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;
  const offline = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "frame-src blob: data:",
    "worker-src blob:",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const icon = (page.match(/<link rel="icon" href="([^"]*)"/) || [])[1] ?? "data:,";
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${offline}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="${icon}" />
    <title>${title}</title>
    <style>${css}</style>
  </head>
  <body>
    ${body}
    <script type="module">${script}</script>
  </body>
</html>
`;
  fs.writeFileSync(path.join(DIST, out), html);
  return html.length;
}
// The importer worker, made from a Blob (a file:// page cannot start a
// worker from a file): its glue, then the module's bytes as the first message.
const importerBoot = `${importer.js}\nself.onmessage = (e) => { self.onmessage = null; wasm_bindgen({ module_or_path: e.data }); };`;
const importerPrelude = `
globalThis.nianbaoImporter = () => {
  const url = URL.createObjectURL(new Blob([${JSON.stringify(importerBoot).replace(/<\//g, "<\\/")}], { type: "text/javascript" }));
  const worker = new Worker(url);
  worker.postMessage(Uint8Array.from(atob("${importer.wasm.toString("base64")}"), (c) => c.charCodeAt(0)));
  return worker;
};`;
const formSize = offlineEdition({
  page: index,
  out: "nianbao-offline.html",
  title: "年报 · 政府信息公开工作年度报告填报（离线版）",
  prelude: importerPrelude,
});
const reviewSize = offlineEdition({
  page: review.replace('href="index.html"', 'href="nianbao-offline.html"'),
  out: "nianbao-review-offline.html",
  title: "年报 · 审核台（离线版）",
  prelude: importerPrelude,
});
console.log(
  `postbuild: CSP added to index.html and review.html; nianbao-offline.html (${(formSize / 1024).toFixed(0)} KB) and nianbao-review-offline.html (${(reviewSize / 1024).toFixed(0)} KB) written`,
);
