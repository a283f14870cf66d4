/**
 * Whether the server in use can run an exercise, from what the exercise and
 * its module `require` and what the server is; and, when it cannot, why and
 * how to get one that can. Pure: the facts are read elsewhere
 * (src/redis/server-identity.ts), so list, show, the TUI, validate and grade
 * all decide alike.
 */
import type { Course, Language, LoadedExercise, LoadedModule, Requirement } from './schema.js';

/** What a server is, as far as requirements go (src/redis/server-identity.ts reads it). */
export interface ServerFacts {
  kind: 'redis' | 'valkey';
  /** The product's own version (valkey_version on Valkey). */
  version: string;
  /** redis_version: Valkey's Redis-compatible version (7.2.4 on Valkey 8). */
  redisVersion: string;
  /** redis-tutor started this server and may do anything to it. */
  owned: boolean;
  /**
   * Not owned: whether redis-tutor can start a private server beside it for
   * exercises that need an owned one (a redis-server is installed); undefined
   * where no server is started beside (list, show and the TUI for now).
   */
  ownedBeside?: boolean;
  /** Commands asked about, by requirement name (HEXPIRE, CLIENT|NO-TOUCH); one not listed is not held against the server. */
  commands: Readonly<Record<string, boolean>>;
  /** The tutor can open a TLS port on it (a private redis-server built with TLS); undefined: not asked, not held against it. */
  tls?: boolean;
}

/** A module's and an exercise's `requires` together, in one shape. */
export interface ServerNeeds {
  redis?: string;
  valkey?: string;
  /** Upper case, a subcommand after `|`: CLIENT|NO-TOUCH. */
  commands: string[];
  owned: boolean;
  /** A TLS lab: a TLS port the tutor opens on its own server (so owned too). */
  tls?: boolean;
}

export interface BilingualText {
  en: string;
  ru: string;
}

/** `beside`: it runs, on the private server the tutor starts beside this one, and says why in one line. */
export type ServerFit = { runs: true; beside?: BilingualText } | { runs: false; reason: BilingualText; remedy: BilingualText };

/** The one line an exercise run beside the --url server shows (screen, list, show). */
export const RUNS_BESIDE: BilingualText = {
  en: 'runs on a private redis-server the tutor starts beside yours: it needs a server the tutor owns (FLUSHALL, SAVE, restarts), and your --url server is left untouched',
  ru: 'выполняется на отдельном redis-server, который тренажёр запускает рядом с вашим: заданию нужен сервер тренажёра (FLUSHALL, SAVE, перезапуски), а ваш сервер из --url остаётся нетронутым',
};

const NO_NEEDS: ServerNeeds = { commands: [], owned: false };

/** The exercise needs what its module needs and what it adds itself. */
export function serverNeeds(module: Pick<LoadedModule, 'requires'>, exercise?: Pick<LoadedExercise, 'requires'>): ServerNeeds {
  return mergeNeeds(needsOf(module.requires), needsOf(exercise?.requires));
}

export function needsOf(requirement: Requirement | undefined): ServerNeeds {
  if (requirement === undefined) return NO_NEEDS;
  if (requirement === 'owned-server') return { ...NO_NEEDS, owned: true };
  return {
    ...(requirement.redis !== undefined ? { redis: requirement.redis } : {}),
    ...(requirement.valkey !== undefined ? { valkey: requirement.valkey } : {}),
    commands: (requirement.commands ?? []).map(commandKey),
    owned: requirement.server === 'owned' || requirement.tls === true,
    ...(requirement.tls === true ? { tls: true } : {}),
  };
}

/** Both sets of needs: the newer of two versions, every command, owned if either wants it. */
export function mergeNeeds(a: ServerNeeds, b: ServerNeeds): ServerNeeds {
  const newer = (x: string | undefined, y: string | undefined) => (x === undefined ? y : y === undefined || atLeast(x, y) ? x : y);
  const redis = newer(a.redis, b.redis);
  const valkey = newer(a.valkey, b.valkey);
  return {
    ...(redis !== undefined ? { redis } : {}),
    ...(valkey !== undefined ? { valkey } : {}),
    commands: [...new Set([...a.commands, ...b.commands])],
    owned: a.owned || b.owned,
    ...(a.tls === true || b.tls === true ? { tls: true } : {}),
  };
}

export function hasNeeds(needs: ServerNeeds): boolean {
  return needs.owned || needs.commands.length > 0 || needs.redis !== undefined || needs.valkey !== undefined;
}

/** `CLIENT no-touch` and `client|NO-TOUCH` are one command: CLIENT|NO-TOUCH. */
export function commandKey(name: string): string {
  return name.trim().toUpperCase().replace(/\s+/, '|');
}

/** Every command some exercise of the course requires, to ask the server about once. */
export function requiredCommands(course: Course): string[] {
  const names = course.modules.flatMap((module) => module.exercises.flatMap((exercise) => serverNeeds(module, exercise).commands));
  return [...new Set(names)].sort();
}

/**
 * Can this server run it? Checked in the order a person fixes things: the
 * product and its version, the commands, then who owns the server. Without
 * facts (no server known) everything runs: only a server can rule one out.
 */
export function serverFit(needs: ServerNeeds, server: ServerFacts | undefined): ServerFit {
  if (server === undefined) return { runs: true };
  const version = versionShortfall(needs, server);
  if (version) return { runs: false, reason: version, remedy: newerServerRemedy(needs, server) };
  const missing = needs.commands.filter((name) => server.commands[name] === false);
  if (missing.length > 0) {
    const names = missing.map(displayCommand).join(', ');
    const it = serverName(server);
    return {
      runs: false,
      reason:
        missing.length === 1
          ? { en: `needs ${names}, which ${it} does not know`, ru: `нужна команда ${names}, а ${it} её не знает` }
          : { en: `needs ${names}, which ${it} does not know`, ru: `нужны команды ${names}, а ${it} их не знает` },
      remedy: newerServerRemedy(needs, server),
    };
  }
  if (needs.tls === true && server.owned && server.tls === false) {
    return {
      runs: false,
      reason: {
        en: 'needs a TLS port, and this redis-server was built without TLS (BUILD_TLS=no)',
        ru: 'нужен TLS-порт, а этот redis-server собран без TLS (BUILD_TLS=no)',
      },
      remedy: {
        en: "Use a redis-server built with TLS (Debian's and Ubuntu's redis-server, Homebrew's redis): --redis-server PATH, or put it first on PATH.",
        ru: 'Возьмите redis-server, собранный с TLS (redis-server из Debian и Ubuntu, redis из Homebrew): --redis-server ПУТЬ или первым в PATH.',
      },
    };
  }
  if (needs.owned && !server.owned) {
    if (server.ownedBeside === true) return { runs: true, beside: RUNS_BESIDE };
    if (server.ownedBeside === undefined) return { runs: false, reason: OWNED_ONLY, remedy: WITHOUT_URL };
    return {
      runs: false,
      reason: {
        en: 'needs a server redis-tutor starts itself (FLUSHALL, SAVE, restarts); this one came from --url, and no redis-server was found to start beside it',
        ru: 'нужен сервер, который тренажёр запускает сам (FLUSHALL, SAVE, перезапуски); этот задан через --url, а redis-server, чтобы запустить его рядом, не найден',
      },
      remedy: {
        en: 'Install redis-server (sudo apt-get install redis-server, or brew install redis) and redis-tutor starts a private one beside yours for these exercises; or run it without --url.',
        ru: 'Установите redis-server (sudo apt-get install redis-server или brew install redis), и для таких заданий тренажёр запустит свой рядом с вашим; или запустите его без --url.',
      },
    };
  }
  return { runs: true };
}

const OWNED_ONLY: BilingualText = {
  en: 'needs a server redis-tutor starts itself (FLUSHALL, SAVE, restarts); this one came from --url',
  ru: 'нужен сервер, который тренажёр запускает сам (FLUSHALL, SAVE, перезапуски); этот задан через --url',
};
const WITHOUT_URL: BilingualText = {
  en: 'Run redis-tutor without --url: it starts its own redis-server (sudo apt-get install redis-server, or brew install redis).',
  ru: 'Запустите redis-tutor без --url: он сам запустит свой redis-server (sudo apt-get install redis-server или brew install redis).',
};

/** "Redis 7.4+ or Valkey 9.0+, HEXPIRE, a server redis-tutor starts itself": the needs in a few words. */
export function describeNeeds(needs: ServerNeeds, language: Language): string {
  const versions = [needs.redis !== undefined ? `Redis ${needs.redis}+` : '', needs.valkey !== undefined ? `Valkey ${needs.valkey}+` : '']
    .filter((part) => part !== '')
    .join(language === 'ru' ? ' или ' : ' or ');
  const owned = needs.owned ? (language === 'ru' ? 'собственный сервер тренажёра' : 'a server redis-tutor starts itself') : '';
  const tls = needs.tls === true ? (language === 'ru' ? 'с TLS' : 'with TLS') : '';
  return [versions, needs.commands.map(displayCommand).join(', '), owned, tls].filter((part) => part !== '').join(', ');
}

/** The version rule: a product not named cannot run it, except Valkey, held to its Redis-compatible version when only `redis` is named. */
function versionShortfall(needs: ServerNeeds, server: ServerFacts): BilingualText | undefined {
  if (needs.redis === undefined && needs.valkey === undefined) return undefined;
  const it = serverName(server);
  if (server.kind === 'valkey' && needs.valkey !== undefined) {
    return atLeast(server.version, needs.valkey) ? undefined : tooOld(`Valkey ${needs.valkey}`, it);
  }
  if (needs.redis === undefined) {
    return { en: `needs Valkey ${needs.valkey}; ${it} is not Valkey`, ru: `нужен Valkey ${needs.valkey}, а ${it} — не Valkey` };
  }
  if (atLeast(server.redisVersion, needs.redis)) return undefined;
  if (server.kind === 'valkey') {
    return {
      en: `needs Redis ${needs.redis} or newer; ${it} offers what Redis ${server.redisVersion} does`,
      ru: `нужен Redis ${needs.redis} или новее; ${it} умеет то же, что Redis ${server.redisVersion}`,
    };
  }
  return tooOld(`Redis ${needs.redis}`, it);
}

function tooOld(wanted: string, it: string): BilingualText {
  return { en: `needs ${wanted} or newer; this is ${it}`, ru: `нужен ${wanted} или новее, а здесь ${it}` };
}

/** A Docker command for a server that can, of the server's own kind when the exercise names it. */
function newerServerRemedy(needs: ServerNeeds, server: ServerFacts): BilingualText {
  const useValkey = needs.valkey !== undefined && (server.kind === 'valkey' || needs.redis === undefined);
  const image = useValkey ? `valkey/valkey:${needs.valkey}` : needs.redis !== undefined ? `redis:${needs.redis}` : server.kind === 'valkey' ? 'valkey/valkey:latest' : 'redis:latest';
  const commands = `docker run -d --rm -p 127.0.0.1:6380:6379 ${image}; redis-tutor start --url redis://127.0.0.1:6380`;
  return { en: `Start a server that can with Docker: ${commands}`, ru: `Запустите подходящий сервер в Docker: ${commands}` };
}

/** "Redis 7.0.15", "Valkey 8.0.1". */
export function serverName(server: Pick<ServerFacts, 'kind' | 'version'>): string {
  return `${server.kind === 'valkey' ? 'Valkey' : 'Redis'} ${server.version}`;
}

function displayCommand(key: string): string {
  return key.replace('|', ' ');
}

/** Version texts compared part by part ("7.10" > "7.4"); a missing part counts as 0. */
function atLeast(have: string, want: string): boolean {
  const parts = (text: string) => text.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parts(have), parts(want)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/** Why the server cannot run it and how to get one that can, in one language. */
export interface CannotRun {
  reason: string;
  remedy: string;
}

/** The one line for an exercise that runs on the server beside this one, in the learner's language; undefined otherwise. */
export function runsBesideOn(needs: ServerNeeds, server: ServerFacts | undefined, language: Language): string | undefined {
  const fit = serverFit(needs, server);
  return fit.runs ? fit.beside?.[language] : undefined;
}

/** serverFit() in the learner's language; undefined when it runs (or no server is known). */
export function cannotRunOn(needs: ServerNeeds, server: ServerFacts | undefined, language: Language): CannotRun | undefined {
  const fit = serverFit(needs, server);
  return fit.runs ? undefined : { reason: fit.reason[language], remedy: fit.remedy[language] };
}
