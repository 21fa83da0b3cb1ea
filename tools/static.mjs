// A static file server for dist/ (or any folder) on 127.0.0.1, as any web
// server would serve it: `make serve` (tools/serve.mjs) and the browser
// tests and benchmarks (tests/e2e/support.mjs) share it.

import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
};

/** Serves `dir` under the URL prefix `base` (e.g. "/some/sub/path/"); `port` 0 picks a free one. */
export async function serveDir({ dir, base = "/", port = 0 }) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end("not under " + base);
      return;
    }
    const rel = decodeURIComponent(url.pathname.slice(base.length)) || "index.html";
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}${base}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
