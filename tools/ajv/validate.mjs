// Validates JSON files against a JSON schema with ajv (draft-04 for SARIF 2.1.0, draft-07 for CycloneDX 1.5).
// Usage: node validate.mjs <schema.json> <file.json>... ; referenced schemas are loaded from the schema's folder.
// Prints "valid <file>" or the errors as JSON, and exits 1 when any file is invalid.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import Ajv from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";

const [schemaPath, ...files] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const draft04 = String(schema.$schema ?? "").includes("draft-04");
const ajv = draft04 ? new AjvDraft04({ allErrors: true, strict: false }) : new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
// CycloneDX 1.5 uses two formats ajv-formats does not define; accept any string for them rather than print warnings.
ajv.addFormat("iri-reference", true);
ajv.addFormat("idn-email", true);
for (const name of readdirSync(dirname(schemaPath)).filter((f) => f.endsWith(".json") && join(dirname(schemaPath), f) !== schemaPath)) {
  const other = JSON.parse(readFileSync(join(dirname(schemaPath), name), "utf8"));
  if (!draft04 && !String(other.$schema ?? "").includes("draft-04")) {
    ajv.addSchema(other, name);
  }
}
const validate = ajv.compile(schema);
let failed = false;
for (const file of files) {
  if (validate(JSON.parse(readFileSync(file, "utf8")))) {
    console.log(`valid ${file}`);
  } else {
    failed = true;
    console.log(`invalid ${file}: ${JSON.stringify(validate.errors.slice(0, 10))}`);
  }
}
process.exit(failed ? 1 : 0);
