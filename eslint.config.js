// Lint for redis-tutor: typescript-eslint's type-checked rules, and the layers of src/ as import rules.
// `npm test` runs it with --max-warnings 0.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ and what each may import besides src/*.ts at the top
 * (errors, io, version). A layer not listed here may not be imported by the
 * ones that are: lower layers never reach up (engine, course, redis and
 * redis-cli know nothing of the terminal; the screens know nothing of grading).
 */
const LAYERS = {
  lib: [],
  resp: ['lib'],
  'redis-cli': ['resp', 'lib'],
  redis: ['resp', 'lib'],
  course: ['redis-cli', 'lib'],
  results: ['course'],
  progress: ['course', 'lib'],
  markdown: ['lib'],
  engine: ['course', 'redis', 'redis-cli', 'resp', 'results', 'lib'],
  programs: ['redis', 'redis-cli', 'resp', 'lib'],
  'data-panel': ['course', 'engine', 'markdown', 'redis-cli', 'resp', 'lib'],
  validate: ['course', 'engine', 'grade', 'projects', 'results', 'redis', 'lib'],
  grade: ['course', 'engine', 'programs', 'redis', 'redis-cli', 'resp', 'results', 'lib'],
  // Program exercises are graded the way `grade` grades a program answer, once.
  projects: ['course', 'engine', 'grade', 'programs', 'redis', 'results', 'lib'],
  tutor: ['course', 'data-panel', 'engine', 'markdown', 'programs', 'progress', 'redis', 'redis-cli', 'resp', 'results', 'lib'],
  cli: ['redis', 'redis-cli', 'resp', 'lib'],
  doctor: ['course', 'progress', 'programs', 'redis', 'redis-cli', 'resp', 'lib'],
  ui: ['course', 'data-panel', 'markdown', 'progress', 'redis-cli', 'results', 'tutor', 'lib'],
};
const ALL = Object.keys(LAYERS);

const layerZones = Object.entries(LAYERS).map(([layer, allowed]) => ({
  target: `./src/${layer}`,
  from: ALL.filter((other) => other !== layer && !allowed.includes(other)).map((other) => `./src/${other}`).concat('./src/commands'),
  message: `src/${layer} may import only from ${allowed.length > 0 ? allowed.map((name) => `src/${name}`).join(', ') : 'nothing else in src/'} (and src/*.ts); see eslint.config.js`,
}));

export default tseslint.config(
  // Program exercises' starters and solutions are course content for learners (a starter is unfinished on purpose); validate --solutions runs them.
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/fixtures/**/*.js', 'test/fixtures/**/*.mjs', 'test/fixtures/**/*.ts', 'exercises/*/programs/**', 'exercises/*/checks/**', 'projects/*/starter/**', 'projects/*/solutions/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bench/*.js', 'scripts/*.js', 'scripts/*.mjs', 'bin/*.js'], maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 32 }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The launcher, the bench and the scripts are plain JavaScript run by Node.
    files: ['*.js', 'bin/**/*.js', 'bench/**/*.js', 'scripts/**/*.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
);
