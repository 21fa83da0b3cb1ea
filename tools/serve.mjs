// `make serve`: serves dist/ (the release build, postbuild included) at
// http://127.0.0.1:8080/, as a static host would.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDir } from "./static.mjs";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const { url } = await serveDir({ dir, port: Number(process.env.PORT ?? 8080) });
console.log(`nianbao: ${url} (Ctrl+C stops)`);
