// `pnpm build` packs a ready embedded database (migrated, with the demo) for fast first starts.
import { buildEmbeddedImage, embeddedImagePath, writeEmbeddedImage } from "../src/embedded-image";
import { defaultMigrationsFolder } from "../src/workspace";

const migrationsFolder = defaultMigrationsFolder();
const path = await embeddedImagePath(migrationsFolder);
await writeEmbeddedImage(path, await buildEmbeddedImage(migrationsFolder));
console.info(`wrote ${path}`);
