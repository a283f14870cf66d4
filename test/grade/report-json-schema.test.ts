import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderGradeReportJsonSchema } from '../../src/grade/report-json-schema.js';
import { GRADE_REPORT_SCHEMA_VERSION, GradeReportSchema } from '../../src/results/report-model.js';
import { gradeFiles } from './support/grade-fixture.js';

const SCHEMA_FILE = join(import.meta.dirname, '../../docs/grade-report.schema.json');

describe('the documented JSON report schema', () => {
  it('docs/grade-report.schema.json is the schema generated from the report model (regenerate it when this fails)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderGradeReportJsonSchema());
  });

  it('names its version', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { title: string; properties: { schemaVersion: { const: number } } };
    expect(schema.properties.schemaVersion.const).toBe(GRADE_REPORT_SCHEMA_VERSION);
    expect(schema.title).toContain(`schema version ${GRADE_REPORT_SCHEMA_VERSION}`);
  });

  it('a real report, through JSON, conforms to it', async () => {
    const { report } = await gradeFiles({
      'basics/counter.redis': 'INCR views:home\n',
      'basics/greeting.sh': 'redis-cli -u "$REDIS_URL" SET greeting hello\nexit 3\n',
      'basics/extra.redis': 'PING\n',
    });
    const parsed = GradeReportSchema.parse(JSON.parse(JSON.stringify(report)));
    expect(parsed.modules.flatMap((module) => module.exercises.map((exercise) => exercise.status))).toEqual(['failed', 'failed', 'not-submitted', 'not-submitted', 'not-submitted']);
    expect(parsed.unmatched).toHaveLength(1);
  });
});
