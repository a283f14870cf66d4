import type { DoctorTexts } from './doctor-texts.js';

const INSTALL_REDIS_SERVER =
  'Install it: sudo apt-get install -y redis-server   (macOS: brew install redis), ' +
  'or run the bundled Redis with Docker: docker compose up -d (docker-compose.yml ships with redis-tutor) and pass --url redis://localhost:6379.';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const en: DoctorTexts = {
  names: {
    terminal: 'terminal',
    colour: 'colour',
    terminalSize: 'terminal size',
    locale: 'locale',
    progress: 'progress',
    course: 'course',
    url: 'Redis URL',
    urlData: 'its data',
  },
  node: {
    tooOld: (shown, minimum) => `${shown}; redis-tutor needs Node.js ${minimum} or newer`,
    install: (minimum) => `Install Node.js ${minimum} or newer (https://nodejs.org, or \`nvm install ${minimum}\`).`,
  },
  server: {
    found: (product, path) => `${product} at ${path}`,
    tooOld: (product, path, minimum) => `${product} at ${path} is older than Redis ${minimum}`,
    installNewer: (minimum) => `Install Redis ${minimum} or newer. ${INSTALL_REDIS_SERVER}`,
    didNotRun: (path, reason) => `${path} did not run: ${reason}`,
    pointAtWorking: (minimum) => `Point --redis-server at a working redis-server ${minimum}+, or install one. ${INSTALL_REDIS_SERVER}`,
    badChoice: (origin, given) => `${origin} points at ${given}, which is not an executable file`,
    giveFullPath: (origin) => `Give the full path of a redis-server binary, or leave ${origin} out to use the one on PATH. ${INSTALL_REDIS_SERVER}`,
    notOnPath: 'not found on PATH',
    usedInstead: (detail, coveredBy) => `${detail} (${coveredBy} is used instead)`,
    installServer: INSTALL_REDIS_SERVER,
  },
  cli: {
    notOnPath: 'not found on PATH (optional)',
    found: (version, path) => `${version ?? 'unknown version'} at ${path}`,
    install: "Only redis-tutor's own test suite needs it: sudo apt-get install -y redis-tools   (macOS: brew install redis).",
  },
  docker: {
    needed: 'redis-tutor would use it, as there is no usable redis-server',
    optional: 'optional: a fallback when there is no redis-server',
    answers: (version) => `engine ${version} answers`,
    noEngine: (reason, why) => `no engine answered \`docker version\` (${reason}); ${why}`,
    startIt: 'Start Docker Desktop or the docker service (sudo systemctl start docker) if you want the Docker fallback.',
    notInstalled: (why) => `not installed; ${why}`,
    installIt: 'Install Docker (https://docs.docker.com/get-docker/) or, simpler, redis-server.',
  },
  url: {
    notGiven: 'none given (--url / REDIS_URL): redis-tutor starts its own Redis',
    checkIt: 'Check that the server runs and that --url is right.',
    at: (product, where) => `${product} at ${where}`,
    tooOld: (product, where, minimum) => `${product} at ${where} is older than Redis ${minimum}`,
    pointAtNewer: (minimum) => `Point --url at a Redis ${minimum} or newer (docker compose up -d starts one on localhost:6379).`,
    empty: (db) => `database ${db} is empty: redis-tutor may use it`,
    keys: (count) => plural(count, 'key', 'keys'),
    mayReset: (db, keys) => `database ${db} holds ${keys} made through redis-tutor: it may reset them`,
    foreign: (db, keys) => `database ${db} holds ${keys} that redis-tutor did not create: it will refuse to reset (FLUSHDB) it`,
    giveEmpty: (base, otherDb) =>
      `Give the tutor an empty database (e.g. --url redis://${base}/${otherDb}), or pass --force to start/grade/validate if those keys may be deleted.`,
  },
  terminal: {
    ok: 'stdin and stdout are a terminal',
    notTerminal: (missing) =>
      `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not a terminal: \`redis-tutor start\` needs one (list, show, grade and validate do not)`,
    runDirectly: 'Run `redis-tutor start` directly in a terminal, not through a pipe or redirect.',
    colour: (enabled, _cause, reason) => `${enabled ? 'on' : 'off'} (${reason})`,
    sizeUnknown: (want) => `unknown (stdout is not a terminal); the tutor needs at least ${want}`,
    tooSmall: (size, want) => `${size}, smaller than ${want}: lines will wrap and panels will be cut`,
    makeBigger: (want) => `Make the window at least ${want}.`,
    windowsConsole: 'Windows console',
    notUtf8: (variable, value) => `${variable}=${value} is not UTF-8: box lines and Russian texts will not show`,
    noLocale: 'none set (LC_ALL, LC_CTYPE, LANG): UTF-8 is not assured',
    useUtf8: 'Use a UTF-8 locale, e.g. export LANG=C.UTF-8 (or en_US.UTF-8).',
  },
  progress: {
    fromEnv: ' (from REDIS_TUTOR_HOME)',
    cannot: (file, read, write) => `${file} cannot be ${[read ? 'read' : undefined, write ? 'written' : undefined].filter(Boolean).join(' or ')}: progress will not be saved`,
    notCreated: (file) => `${file} (not created yet)`,
    cannotCreate: (file, folder) => `${file} cannot be created: ${folder} is not writable, so progress will not be saved`,
    fixEnv: 'Point REDIS_TUTOR_HOME at a folder you can write, or unset it.',
    fixFolder: "Fix the folder's permissions, or set REDIS_TUTOR_HOME to a folder you can write.",
  },
  course: {
    reinstall: 'Reinstall redis-tutor (npm install -g redis-tutor), or run `redis-tutor validate` for the full list.',
    size: (modules, exercises) => `${modules} modules, ${exercises} exercises`,
    errors: (size, count, first) => `${size}; ${plural(count, 'error', 'errors')}: ${first}${count > 1 ? ` (and ${count - 1} more)` : ''}`,
    valid: (size, warnings) => `${size} valid${warnings > 0 ? `, ${plural(warnings, 'warning', 'warnings')}` : ''}`,
  },
  programs: {
    pythonDoesNotRun: (which, reason) => `${which} does not run: ${reason}`,
    installPython: 'Install Python 3 (sudo apt-get install -y python3), or name one with --python PATH or REDIS_TUTOR_PYTHON. Only .py answers need it.',
    noRedisPy: (which, version) => `${which} ${version} has no redis-py, so \`import redis\` fails`,
    installRedisPy: (command) => `Install it for that Python: ${command}; or name a Python that has it with --python PATH or REDIS_TUTOR_PYTHON.`,
    redisPy: (which, version, redisPy) => `${which} ${version} with redis-py ${redisPy}`,
    nodeDoesNotRun: (which, failure) => `${which} does not run: ${failure ?? 'no version'}`,
    nameNode: 'Name a Node.js 20 or newer with --node PATH or REDIS_TUTOR_NODE, or leave both out to use the one running redis-tutor.',
    noIoredis: (version) => `node ${version}; redis-tutor's own ioredis is missing`,
    reinstallIoredis: 'Reinstall redis-tutor (npm install -g redis-tutor), or install ioredis beside the answers (npm install ioredis).',
    ioredis: (version, ioredis) => `node ${version} with ioredis ${ioredis} (redis-tutor's own: \`import Redis from 'ioredis'\` works offline)`,
  },
  verdict: {
    cannotRun: 'redis-tutor cannot run yet: fix the failed checks above.',
    canRun: (redis) => `redis-tutor can run: it will use ${redis}.`,
    urlRedis: (product, where) => `the ${product} at ${where}`,
    privateServer: (binary, version) => `a private ${binary} ${version} it starts itself`,
    docker: 'a redis:7 container it starts with Docker',
    some: 'a Redis',
  },
};
