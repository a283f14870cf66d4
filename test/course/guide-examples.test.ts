import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { isPlainMap } from '../../src/course/property-path.js';
import { ActorSchema, CheckSchema, CourseFileSchema, ExerciseFileSchema, ModuleFileSchema, TextSchema, TopologyFieldSchema } from '../../src/course/schema.js';
import { explainIssues } from '../../src/course/zod-issues.js';

/** Authors copy the guide's examples: every one of them must be valid. */
const guide = readFileSync(new URL('../../exercises/README.md', import.meta.url), 'utf8');
const examples = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

function schemaFor(value: unknown): { name: string; schema: z.ZodType } | undefined {
  if (Array.isArray(value)) return { name: 'checks', schema: z.array(CheckSchema) };
  if (!isPlainMap(value)) return undefined;
  if ('checks' in value) return { name: 'exercise file', schema: ExerciseFileSchema };
  if ('summary' in value) return { name: 'module.yaml', schema: ModuleFileSchema };
  if ('languages' in value) return { name: 'course.yaml', schema: CourseFileSchema };
  if ('actors' in value) return { name: 'actors', schema: z.strictObject({ actors: z.array(ActorSchema) }) };
  if ('topology' in value) return { name: 'topology', schema: z.strictObject({ topology: TopologyFieldSchema }) };
  return { name: 'texts', schema: z.record(z.string(), TextSchema) };
}

describe('the YAML examples in exercises/README.md', () => {
  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(12);
  });

  it.each(examples.map((text, index) => [index + 1, text.split('\n')[0], text] as const))('example %i (%s) is valid', (_n, _first, text) => {
    const doc = parseDocument(text);
    expect(doc.errors.map((error) => error.message)).toEqual([]);
    const value: unknown = doc.toJS();
    if (value === null) return; // only the schema comment line
    const target = schemaFor(value);
    expect(target, 'an example of an unknown shape').toBeDefined();
    const result = target?.schema.safeParse(value);
    const wrapped = Array.isArray(value) ? { checks: value } : value;
    const problems = result && !result.success ? explainIssues(result.error.issues.map((issue) => ({ ...issue, path: Array.isArray(value) ? ['checks', ...issue.path] : issue.path })), wrapped).map((issue) => issue.message) : [];
    expect(problems, `as ${target?.name}`).toEqual([]);
  });
});
