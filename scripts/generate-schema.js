// Writes schema/*.schema.json from the zod schemas in src/course/schema.ts.
// Run after a build: npm run build && node scripts/generate-schema.js
// (test/course/json-schema.test.ts fails when the committed files are stale.)
import { writeFile, mkdir } from 'node:fs/promises';
import { JSON_SCHEMA_FILES, renderJsonSchema } from '../dist/course/json-schema.js';

const outDir = new URL('../schema/', import.meta.url);
await mkdir(outDir, { recursive: true });
for (const name of Object.keys(JSON_SCHEMA_FILES)) {
  await writeFile(new URL(name, outDir), renderJsonSchema(name));
  console.log(`wrote schema/${name}`);
}
