// Bundles the real editors for the fixture pages into ./dist (ignored by git).
import { build } from "esbuild";
const common = { bundle: true, minify: true, format: "iife", target: "chrome120", logLevel: "warning" };
await build({ ...common, entryPoints: ["src/lexical-entry.js"], outfile: "dist/lexical.js" });
await build({
  ...common, entryPoints: ["src/draft-entry.jsx"], outfile: "dist/draft.js", jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"', global: "window" },
});
