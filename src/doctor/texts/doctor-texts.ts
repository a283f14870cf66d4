import type { Language } from '../../course/schema.js';
import { en } from './doctor-texts-en.js';
import { ru } from './doctor-texts-ru.js';

/** Why colour is on or off, by its cause (../colour.ts); FORCE_COLOR keeps its value. */
export type ColourCause = 'force-on' | 'force-off' | 'no-color' | 'not-tty' | 'dumb' | 'terminal';

/** Every word `redis-tutor doctor` prints, in one language; the facts (paths, versions, messages of other tools) fill them in. */
export interface DoctorTexts {
  names: {
    terminal: string;
    colour: string;
    terminalSize: string;
    locale: string;
    progress: string;
    course: string;
    url: string;
    urlData: string;
  };
  node: { tooOld(shown: string, minimum: number): string; install(minimum: number): string };
  server: {
    /** "Redis", "Valkey": the product a binary or a server says it is. */
    found(product: string, path: string): string;
    tooOld(product: string, path: string, minimum: string): string;
    installNewer(minimum: string): string;
    didNotRun(path: string, reason: string): string;
    pointAtWorking(minimum: string): string;
    badChoice(origin: string, given: string): string;
    giveFullPath(origin: string): string;
    notOnPath: string;
    usedInstead(detail: string, coveredBy: string): string;
    installServer: string;
  };
  cli: { notOnPath: string; found(version: string | undefined, path: string): string; install: string };
  docker: {
    needed: string;
    optional: string;
    answers(version: string): string;
    noEngine(reason: string, why: string): string;
    startIt: string;
    notInstalled(why: string): string;
    installIt: string;
  };
  url: {
    notGiven: string;
    checkIt: string;
    at(product: string, where: string): string;
    tooOld(product: string, where: string, minimum: string): string;
    pointAtNewer(minimum: string): string;
    empty(db: number): string;
    keys(count: number): string;
    mayReset(db: number, keys: string): string;
    foreign(db: number, keys: string): string;
    giveEmpty(base: string, otherDb: number): string;
  };
  terminal: {
    ok: string;
    notTerminal(missing: Array<'stdin' | 'stdout'>): string;
    runDirectly: string;
    colour(enabled: boolean, cause: ColourCause | undefined, reason: string): string;
    sizeUnknown(want: string): string;
    tooSmall(size: string, want: string): string;
    makeBigger(want: string): string;
    windowsConsole: string;
    notUtf8(variable: string, value: string): string;
    noLocale: string;
    useUtf8: string;
  };
  progress: {
    fromEnv: string;
    cannot(file: string, read: boolean, write: boolean): string;
    notCreated(file: string): string;
    cannotCreate(file: string, folder: string): string;
    fixEnv: string;
    fixFolder: string;
  };
  course: {
    reinstall: string;
    size(modules: number, exercises: number): string;
    errors(size: string, count: number, first: string): string;
    valid(size: string, warnings: number): string;
  };
  programs: {
    pythonDoesNotRun(which: string, reason: string): string;
    installPython: string;
    noRedisPy(which: string, version: string): string;
    installRedisPy(command: string): string;
    redisPy(which: string, version: string, redisPy: string): string;
    nodeDoesNotRun(which: string, failure: string | undefined): string;
    nameNode: string;
    noIoredis(version: string): string;
    reinstallIoredis: string;
    ioredis(version: string, ioredis: string): string;
  };
  verdict: {
    cannotRun: string;
    canRun(redis: string): string;
    urlRedis(product: string, where: string): string;
    privateServer(binary: string, version: string): string;
    docker: string;
    some: string;
  };
}

export function doctorTexts(language: Language): DoctorTexts {
  return language === 'ru' ? ru : en;
}

export const EN_DOCTOR_TEXTS: DoctorTexts = en;
