/**
 * The exercise format (exercises/README.md) as zod schemas, and the types the
 * rest of redis-tutor works with; the parts live in schema/, one per part of
 * the format, and this file is the one place the rest of the code imports.
 *
 * Two layers, both derived from the zod schemas:
 * - `*Schema` / `*File` types describe the YAML exactly as teachers write it
 *   (shorthands allowed). The JSON Schemas in schema/ are generated from them.
 * - `Check`, `Expectation`, `Actor`, `LoadedExercise`... are what the loader
 *   hands out: shorthands expanded, every check tagged with a `kind` and the
 *   place in the file it came from, so the engine never re-interprets YAML.
 *   Each is the written type, reshaped, plus only what loading adds.
 */
export { ACTOR_DIRECTIVES, NODE_DIRECTIVES, ActorSchema, directiveName, isActorDirective } from './schema/actors.js';
export type { Actor, ActorDirective, ActorFile, ActorTrigger } from './schema/actors.js';
export {
  CHECK_KINDS,
  CheckSchema,
  CommandCheckSchema,
  JsCheckSchema,
  KEY_SHORTHANDS,
  KEY_TYPES,
  KeyCheckSchema,
  LuaCheckSchema,
  NotUsedCheckSchema,
  PublishedCheckSchema,
  SubscribedCheckSchema,
  UsedCheckSchema,
} from './schema/checks.js';
export type {
  ActedCheck,
  AsUser,
  Check,
  CheckFile,
  CheckKind,
  CommandCheck,
  ConnectionsCheck,
  ExitCodeCheck,
  JsCheck,
  KeyCheck,
  KeyType,
  LuaCheck,
  NotUsedCheck,
  OutputCheck,
  PublishedCheck,
  ReceivedCheck,
  StreamShorthand,
  SubscribedCheck,
  UsedCheck,
} from './schema/checks.js';
export { unknownKeysMessage } from './schema/closed-map.js';
export { CommandPatternSchema } from './schema/command-patterns.js';
export type { CommandPattern } from './schema/command-patterns.js';
export { CounterExampleSchema, CounterExamplesSchema } from './schema/counter-examples.js';
export type { CounterExampleFile, LoadedCounterExample } from './schema/counter-examples.js';
export { CourseFileSchema } from './schema/course.js';
export type { CourseFile } from './schema/course.js';
export { ExerciseFileSchema } from './schema/exercise.js';
export type { ExerciseFile, LoadedExercise } from './schema/exercise.js';
export { EXPECTATION_KEYS, ExpectSchema, ExpectationMapSchema } from './schema/expectations.js';
export type { Expectation, ExpectationKey, ExpectationMap } from './schema/expectations.js';
export { SUPPORTED_FORMAT_VERSION } from './schema/file-fields.js';
export { ModuleFileSchema } from './schema/module.js';
export { PROGRAM_EXTENSIONS, PROGRAM_LANGUAGES, ProgramSchema, programLanguages } from './schema/program.js';
export type { LoadedProgram, ProgramFile, ProgramLanguage, ProgramSource } from './schema/program.js';
export { OWNED_SERVER, RequirementSchema } from './schema/requirement.js';
export type { Requirement } from './schema/requirement.js';
export { TopologyFieldSchema } from './schema/topology.js';
export type { TopologyField } from './schema/topology.js';
export type { Course, LoadedModule, ModuleFile } from './schema/module.js';
export type { PathSegment, ScriptLine, SourceLocation } from './schema/source-location.js';
export { LANGUAGES, TextSchema } from './schema/texts.js';
export type { Language, Text } from './schema/texts.js';
export { ComparisonSchema, CountSchema } from './schema/values.js';
export type { Comparison, Count, ReplyValue, Scalar } from './schema/values.js';
