import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_FILES, renderJsonSchema, type JsonSchemaFileName } from '../../src/course/json-schema.js';

const schemaDir = new URL('../../schema/', import.meta.url);
const names = Object.keys(JSON_SCHEMA_FILES) as JsonSchemaFileName[];

describe('committed JSON Schemas', () => {
  it.each(names)('schema/%s equals a fresh generation from the zod schema', async (name) => {
    const fresh = renderJsonSchema(name);
    // UPDATE_SCHEMAS=1 npx vitest run test/course/json-schema.test.ts rewrites them (like a snapshot update).
    if (process.env.UPDATE_SCHEMAS === '1') {
      await mkdir(schemaDir, { recursive: true });
      await writeFile(new URL(name, schemaDir), fresh);
    }
    const committed = await readFile(new URL(name, schemaDir), 'utf8').catch(() => '(missing)');
    expect(committed, `schema/${name} is stale: run UPDATE_SCHEMAS=1 npx vitest run test/course/json-schema.test.ts`).toBe(fresh);
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
