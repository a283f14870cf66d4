import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_FILES, renderJsonSchema, type JsonSchemaFileName } from '../../src/course/json-schema.js';
import { PROJECT_JSON_SCHEMA_FILES, renderProjectJsonSchema, type ProjectJsonSchemaFileName } from '../../src/projects/project-json-schema.js';

const schemaDir = new URL('../../schema/', import.meta.url);
const names = Object.keys(JSON_SCHEMA_FILES) as JsonSchemaFileName[];
const projectNames = Object.keys(PROJECT_JSON_SCHEMA_FILES) as ProjectJsonSchemaFileName[];
const fresh = (name: string) => (projectNames.includes(name as ProjectJsonSchemaFileName) ? renderProjectJsonSchema(name as ProjectJsonSchemaFileName) : renderJsonSchema(name as JsonSchemaFileName));

describe('committed JSON Schemas', () => {
  it.each([...names, ...projectNames])('schema/%s equals a fresh generation from the zod schema', async (name) => {
    const text = fresh(name);
    // UPDATE_SCHEMAS=1 npx vitest run test/course/json-schema.test.ts rewrites them (like a snapshot update).
    if (process.env.UPDATE_SCHEMAS === '1') {
      await mkdir(schemaDir, { recursive: true });
      await writeFile(new URL(name, schemaDir), text);
    }
    const committed = await readFile(new URL(name, schemaDir), 'utf8').catch(() => '(missing)');
    expect(committed, `schema/${name} is stale: run UPDATE_SCHEMAS=1 npx vitest run test/course/json-schema.test.ts`).toBe(text);
  });

  it('documents fields so editors can show help', () => {
    const exercise = JSON.parse(renderJsonSchema('exercise.schema.json')) as {
      properties: Record<string, { description?: string }>;
      additionalProperties: unknown;
    };
    expect(exercise.properties.hints?.description).toMatch(/one at a time/);
    expect(exercise.properties.checks?.description).toMatch(/all must pass/);
    expect(exercise.additionalProperties).toBe(false);
  });
});
