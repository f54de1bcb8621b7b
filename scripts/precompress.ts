// After `remix vite:build`: compressed copies (.br, .gz) of the client build's text files.
import path from "node:path";
import { precompressDir } from "../server/precompress";

const dir = path.join(process.env.WEIKE_BUILD_DIR ?? "build", "client");
const r = precompressDir(dir);
const kb = (n: number) => `${Math.round(n / 1024)} KB`;
console.log(`precompressed ${r.files} files in ${dir}: ${kb(r.rawBytes)} → br ${kb(r.brBytes)}, gzip ${kb(r.gzBytes)}`);
