// Imported first by the server entry: React and other libraries pick their production build
// from NODE_ENV when they are first loaded, and `npm start` does not set it.
import { setFlagsFromString } from "node:v8";

process.env.NODE_ENV ??= "production";
// Prisma's query compiler is WebAssembly. V8 compiles it quickly (Liftoff), then again with its
// optimising tier in background threads: that second copy and the threads' malloc arenas cost
// about 45 MB of resident memory and measured no faster per query here (decision 047). Set
// before the first query, which is when the module is compiled.
setFlagsFromString("--liftoff-only");
