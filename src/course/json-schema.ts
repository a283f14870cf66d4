import { z } from 'zod';
import { CourseFileSchema, ExerciseFileSchema, ModuleFileSchema } from './schema.js';
import { AssignmentFileSchema } from './schema/assignment.js';

/** The JSON Schemas editors use to complete and check exercise files; generated, never edited by hand. */
export const JSON_SCHEMA_FILES = {
  'course.schema.json': { schema: CourseFileSchema, title: 'redis-tutor course (course.yaml)' },
  'module.schema.json': { schema: ModuleFileSchema, title: 'redis-tutor module (module.yaml)' },
  'exercise.schema.json': { schema: ExerciseFileSchema, title: 'redis-tutor exercise' },
  'assignment.schema.json': { schema: AssignmentFileSchema, title: 'redis-tutor assignment (grade --assignment)' },
} as const;

export type JsonSchemaFileName = keyof typeof JSON_SCHEMA_FILES;

/**
 * Draft-07 because every YAML editor plugin reads it; the input side of the
 * schema because editors see what authors write, before shorthands expand.
 */
export function generateJsonSchema(name: JsonSchemaFileName): Record<string, unknown> {
  const { schema, title } = JSON_SCHEMA_FILES[name];
  return jsonSchemaOf(schema, title);
}

/** Any zod schema as a titled draft-07 JSON Schema (the projects' files use it too). */
export function jsonSchemaOf(schema: z.ZodType, title: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  const { $schema, ...rest } = generated;
  return { $schema, title, ...rest };
}

/** The file text, stable so the committed copy can be compared byte for byte. */
export function renderJsonSchema(name: JsonSchemaFileName): string {
  return jsonSchemaText(generateJsonSchema(name));
}

export function jsonSchemaText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
