import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { GradingLane } from '../grade/grading-lane.js';
import { CRITERION_WEIGHTS, roundPoints, type Criterion, type ProjectCriterionId, type ProjectGrade } from '../results/project-criteria.js';
import { GRADE_REPORT_SCHEMA_VERSION, scoreOf, type ExerciseGrade, type GradeReport } from '../results/report-model.js';
import { packageVersion } from '../version.js';
import { measureCode } from './criteria/code-measures.js';
import { codeMeasured, CRITERION_TITLES, documentationMeasured, EXTRAS_MEASURED, functionalityMeasured, testsMeasured } from './criteria/criteria-texts.js';
import { readmeFindings } from './criteria/readme-sections.js';
import { runStudentTests, type StudentTestsRun } from './criteria/student-tests.js';
import type { LoadedProject } from './load-project.js';
import { splitWords, type StudentProject } from './student-project.js';
import { testProject, type ProjectTestSettings, type StageGrade } from './test-project.js';

const README_NAMES = ['README.md', 'readme.md', 'Readme.md', 'README.ru.md', 'README.markdown', 'README'];
/** The student's whole test suite gets this much more than one run of the program. */
const TESTS_TIME_FACTOR = 6;

/**
 * `grade --project N DIR`: a student's project by the workshop's criteria.
 * Unlike `project test`, every stage runs (each on a clean sandbox), so a
 * broken early stage costs its own share of functionality, not every later
 * one's. The stages are the report's one module, so every reporter shows
 * them; `project` holds the criteria.
 */
export async function gradeProject(lane: GradingLane, project: LoadedProject, student: StudentProject, settings: ProjectTestSettings & { submissionLabel: string }): Promise<GradeReport> {
  const started = performance.now();
  const stages: ExerciseGrade[] = [];
  for (const stage of project.stages) {
    const [grade] = (await testProject(lane, project, student, [stage.number], settings)).stages;
    if (grade !== undefined) stages.push(stageOnly(grade));
  }
  const measures = await measureCode(student.dir);
  let tests: StudentTestsRun | undefined;
  if (measures.testFiles > 0) {
    await lane.ensureHealthy();
    await lane.engine.resetSandbox();
    tests = await runStudentTests(student.dir, languageOf(student), {
      interpreters: settings.interpreters,
      env: settings.env,
      ...(settings.passEnv !== undefined ? { passEnv: settings.passEnv } : {}),
      sandbox: lane.learnerSpec(),
      timeoutMs: settings.timeoutMs * TESTS_TIME_FACTOR,
      handleSignals: settings.handleSignals,
    });
  }
  const readme = await readReadme(student.dir);
  const findings = readme ? readmeFindings(readme.text, project.schema.map((key) => key.key)) : undefined;

  const passedStages = stages.filter((stage) => stage.status === 'passed').length;
  const testsCounted = tests !== undefined && tests.problem === undefined ? tests.passed + tests.failed : 0;
  const criteria: Criterion[] = [
    machine('functionality', passedStages / project.stages.length, functionalityMeasured(passedStages, project.stages.length, stages.filter((stage) => stage.status !== 'passed').map((stage) => stage.title))),
    teacher('code-quality', codeMeasured(measures)),
    machine('tests', testsCounted > 0 ? (tests?.passed ?? 0) / testsCounted : 0, testsMeasured(tests)),
    machine('documentation', findings ? findings.found.length / 3 : 0, documentationMeasured(readme?.file, findings)),
    teacher('extras', EXTRAS_MEASURED),
  ];
  const scored = criteria.filter((criterion) => criterion.judgedBy === 'machine');
  const projectGrade: ProjectGrade = {
    id: project.id,
    variant: project.variant,
    title: { en: project.title.en, ru: project.title.ru ?? project.title.en },
    criteria,
    machine: { earned: roundPoints(scored.reduce((sum, criterion) => sum + (criterion.points ?? 0), 0)), possible: scored.reduce((sum, criterion) => sum + criterion.weight, 0) },
  };
  const score = scoreOf(stages);
  return {
    schemaVersion: GRADE_REPORT_SCHEMA_VERSION,
    tool: { name: 'redis-tutor', version: packageVersion() },
    submission: settings.submissionLabel,
    server: lane.target.describe(),
    timeoutSeconds: settings.timeoutMs / 1000,
    jobs: 1,
    durationMs: Math.round(performance.now() - started),
    score,
    modules: [{ id: project.id, title: projectGrade.title, score, exercises: stages }],
    project: projectGrade,
    unmatched: [],
  };
}

function machine(id: ProjectCriterionId, fraction: number, measured: Criterion['measured']): Criterion {
  const weight = CRITERION_WEIGHTS[id];
  return { id, title: CRITERION_TITLES[id], weight, judgedBy: 'machine', points: roundPoints(weight * fraction), measured };
}

function teacher(id: ProjectCriterionId, measured: Criterion['measured']): Criterion {
  return { id, title: CRITERION_TITLES[id], weight: CRITERION_WEIGHTS[id], judgedBy: 'teacher', points: null, measured };
}

/** The report's exercise fields only: where the stage failed is in its checks and problem already. */
function stageOnly(grade: StageGrade): ExerciseGrade {
  const { stage: _stage, failedStep: _failedStep, failedCheck: _failedCheck, ...exercise } = grade;
  return exercise;
}

function languageOf(student: StudentProject): 'python' | 'javascript' {
  const [first = ''] = splitWords(student.command);
  return /^node(js)?$|\.m?js$/.test(first) ? 'javascript' : 'python';
}

async function readReadme(dir: string): Promise<{ file: string; text: string } | undefined> {
  for (const file of README_NAMES) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => undefined);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}
