import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAssignment } from '../../src/grade/assignment.js';
import { UserError } from '../../src/errors.js';
import { loadFixtureCourse } from './support/grade-fixture.js';

/* The fixture course: basics/counter (2 checks), basics/greeting (1); extra/list (1), extra/wait-for-job (2), extra/eviction (1). */
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-assignment-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let written = 0;
async function load(yaml: string) {
  const file = join(scratch, `a${written++}.yaml`);
  writeFileSync(file, yaml);
  return loadAssignment(file, 'week1.yaml', await loadFixtureCourse());
}

async function refusal(yaml: string): Promise<UserError> {
  const error = await load(yaml).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('loadAssignment', () => {
  it('resolves ids, short ids and modules, in course order, with their points and check counts', async () => {
    const assignment = await load(
      ['title: Week 1', 'deadline: 2025-03-14T23:59:00+03:00', 'late: { penalty: 0.2 }', 'exercises:', '  - module: extra', '    points: 2', '  - greeting', '  - { id: basics/counter, points: 3, partial: true }', ''].join('\n'),
    );
    expect(assignment.title).toBe('Week 1');
    expect(assignment.file).toBe('week1.yaml');
    expect(assignment.deadline?.toISOString()).toBe('2025-03-14T20:59:00.000Z');
    expect(assignment.late).toEqual({ accept: true, penaltyPerDay: 0.2 });
    expect([...assignment.exercises.values()]).toEqual([
      { id: 'basics/counter', points: 3, partial: true, checkCount: 2 },
      { id: 'basics/greeting', points: 1, partial: false, checkCount: 1 },
      { id: 'extra/list', points: 2, partial: false, checkCount: 1 },
      { id: 'extra/wait-for-job', points: 2, partial: false, checkCount: 2 },
      { id: 'extra/eviction', points: 2, partial: false, checkCount: 1 },
    ]);
  });

  it('an exercise named on its own overrides its module entry', async () => {
    const assignment = await load('title: W\nexercises:\n  - { module: extra, points: 2 }\n  - { id: extra/list, points: 5, partial: true }\n');
    expect(assignment.exercises.get('extra/list')).toEqual({ id: 'extra/list', points: 5, partial: true, checkCount: 1 });
    expect(assignment.exercises.get('extra/eviction')?.points).toBe(2);
  });

  it('without late: lateness costs nothing; accept: false refuses it', async () => {
    expect((await load('title: W\ndeadline: 2025-03-14T20:59Z\nexercises: [counter]\n')).late).toEqual({ accept: true, penaltyPerDay: 0 });
    expect((await load('title: W\ndeadline: 2025-03-14T20:59Z\nlate: { accept: false }\nexercises: [counter]\n')).late).toEqual({ accept: false, penaltyPerDay: 0 });
  });

  it.each([
    ['an unknown exercise, with the closest ids', 'title: W\nexercises: [basics/countr]\n', /^the assignment week1\.yaml: exercises\[0\]: unknown exercise "basics\/countr"/, /Did you mean basics\/counter/],
    ['an unknown module', 'title: W\nexercises:\n  - module: extras\n', /exercises\[0\]: no module "extras" — did you mean "extra"\?/, /`redis-tutor list` shows them all/],
    ['the same exercise twice', 'title: W\nexercises: [counter, basics/counter]\n', /exercises\[1\] lists basics\/counter again \(exercises\[0\] has it\)/, /List each exercise once/],
    ['a misspelt field, with its line', 'title: W\nexercises:\n  - { id: counter, point: 2 }\n', /^the assignment week1\.yaml:3:20: exercises\[0\]: unknown exercise entry field "point" — did you mean "points"\?/, /assignment\.schema\.json/],
    ['a deadline without a time zone', 'title: W\ndeadline: 2025-03-14T23:59\nexercises: [counter]\n', /week1\.yaml:2:11: deadline: expected an ISO date-time with a time zone/, /Fix it/],
    ['late without a deadline', 'title: W\nlate: { penalty: 0.1 }\nexercises: [counter]\n', /late: late needs a deadline/, /Fix it/],
    ['both accept: false and a penalty', 'title: W\ndeadline: 2025-03-14T20:59Z\nlate: { accept: false, penalty: 0.1 }\nexercises: [counter]\n', /give either accept: false .* or a penalty per day, not both/, /Fix it/],
    ['a penalty over 1', 'title: W\ndeadline: 2025-03-14T20:59Z\nlate: { penalty: 20 }\nexercises: [counter]\n', /late\.penalty: must be from 0 to 1/, /Fix it/],
    ['no points', 'title: W\nexercises:\n  - { id: counter, points: 0 }\n', /exercises\[0\]\.points: must be more than 0/, /Fix it/],
    ['no exercises, and no title: the first problem and how many more', 'exercises: []\n', /\(and 1 more\)\.$/, /Fix it/],
    ['YAML that does not parse', 'title: [W\n', /^the assignment week1\.yaml:\d+:\d+: /, /Fix it/],
  ])('refuses %s, saying where', async (_name, yaml, message, nextStep) => {
    const error = await refusal(yaml);
    expect(error.message).toMatch(message);
    expect(error.nextStep).toMatch(nextStep);
  });

  it('refuses a file it cannot read', async () => {
    const error = await loadAssignment(join(scratch, 'missing.yaml'), 'missing.yaml', await loadFixtureCourse()).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/^cannot read the assignment file missing\.yaml: ENOENT/);
  });
});
