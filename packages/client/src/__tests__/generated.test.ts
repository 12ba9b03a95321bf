import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { renderGeneratedFiles } from "../../scripts/render";

const root = join(import.meta.dirname, "..", "..");

it("the committed openapi.json and client types are what the code generates (run `pnpm --filter @interventions/client generate`)", async () => {
  for (const [path, expected] of Object.entries(await renderGeneratedFiles())) {
    expect(readFileSync(join(root, path), "utf8"), path).toBe(expected);
  }
});
