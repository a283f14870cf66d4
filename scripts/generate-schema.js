// Writes schema/*.schema.json from the zod schemas in src/course/schema.ts (and the
// assignment's), and docs/grade-report.schema.json from the report model.
// Run after a build: npm run build && node scripts/generate-schema.js
// (test/course/json-schema.test.ts and test/grade/report-json-schema.test.ts fail when the committed files are stale.)
import { writeFile, mkdir } from 'node:fs/promises';
import { JSON_SCHEMA_FILES, renderJsonSchema } from '../dist/course/json-schema.js';
import { renderGradeReportJsonSchema } from '../dist/grade/report-json-schema.js';
import { PROJECT_JSON_SCHEMA_FILES, renderProjectJsonSchema } from '../dist/projects/project-json-schema.js';

const outDir = new URL('../schema/', import.meta.url);
await mkdir(outDir, { recursive: true });
for (const name of Object.keys(JSON_SCHEMA_FILES)) {
  await writeFile(new URL(name, outDir), renderJsonSchema(name));
  console.log(`wrote schema/${name}`);
}
for (const name of Object.keys(PROJECT_JSON_SCHEMA_FILES)) {
  await writeFile(new URL(name, outDir), renderProjectJsonSchema(name));
  console.log(`wrote schema/${name}`);
}
await writeFile(new URL('../docs/grade-report.schema.json', import.meta.url), renderGradeReportJsonSchema());
console.log('wrote docs/grade-report.schema.json');
