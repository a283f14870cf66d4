import { jsonSchemaOf, jsonSchemaText } from '../course/json-schema.js';
import { ProjectFileSchema } from './project-format.js';
import { StudentFileSchema } from './student-project.js';

/** The JSON Schemas of a project's own files, for editors; generated into schema/ beside the course's. */
export const PROJECT_JSON_SCHEMA_FILES = {
  'project.schema.json': { schema: ProjectFileSchema, title: 'redis-tutor project (projects/NN-id/project.yaml)' },
  'student-project.schema.json': { schema: StudentFileSchema, title: "redis-tutor student project (redis-tutor.yaml in the learner's folder)" },
} as const;

export type ProjectJsonSchemaFileName = keyof typeof PROJECT_JSON_SCHEMA_FILES;

export function renderProjectJsonSchema(name: ProjectJsonSchemaFileName): string {
  const { schema, title } = PROJECT_JSON_SCHEMA_FILES[name];
  return jsonSchemaText(jsonSchemaOf(schema, title));
}
