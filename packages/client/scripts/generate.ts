// Writes the client's generated files; a test fails when they differ from what the code would generate.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderGeneratedFiles } from "./render";

const root = join(import.meta.dirname, "..");
for (const [path, contents] of Object.entries(await renderGeneratedFiles())) {
  writeFileSync(join(root, path), contents);
  console.info(`wrote packages/client/${path}`);
}
