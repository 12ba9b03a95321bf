// Copies browser bundles that pages load into public/vendor, so nothing is fetched from a CDN.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "public", "vendor");
mkdirSync(target, { recursive: true });
// The package exports no package.json: its entry is dist/index.js, two levels below its root.
const scalarRoot = dirname(dirname(require.resolve("@scalar/api-reference")));
copyFileSync(join(scalarRoot, "dist", "browser", "standalone.js"), join(target, "scalar-api-reference.js"));
