import { z } from 'zod';
import { GRADE_REPORT_SCHEMA_VERSION, GradeReportSchema } from '../results/report-model.js';

/** Where the schema is published; `$id` of the generated file. */
export const GRADE_REPORT_SCHEMA_ID = `https://github.com/redis-tutor/redis-tutor/blob/main/docs/grade-report.schema.json`;

/**
 * docs/grade-report.schema.json, generated from the zod schemas so the
 * documented schema cannot drift from what `--reporter json` prints
 * (test/grade/report-json-schema.test.ts compares them byte for byte).
 */
export function renderGradeReportJsonSchema(): string {
  // 'input': objects stay open (no additionalProperties: false), so a reader of version 1 accepts a report that gained an optional field.
  const generated = z.toJSONSchema(GradeReportSchema, { target: 'draft-2020-12', io: 'input' });
  const { $schema, ...rest } = generated;
  const schema = {
    $schema,
    $id: GRADE_REPORT_SCHEMA_ID,
    title: `redis-tutor grade report, schema version ${GRADE_REPORT_SCHEMA_VERSION}`,
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
