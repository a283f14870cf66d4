import type { ColourCause, DoctorTexts } from './doctor-texts.js';

const INSTALL_REDIS_SERVER =
  'Установите его: sudo apt-get install -y redis-server   (macOS: brew install redis) ' +
  'или запустите Redis из комплекта в Docker: docker compose up -d (docker-compose.yml входит в redis-tutor) и передайте --url redis://localhost:6379.';

/** 1 ключ, 2 ключа, 5 ключей. */
function plural(count: number, one: string, few: string, many: string): string {
  const tens = count % 100;
  const units = count % 10;
  const word = tens >= 11 && tens <= 14 ? many : units === 1 ? one : units >= 2 && units <= 4 ? few : many;
  return `${count} ${word}`;
}

const COLOUR_CAUSES: Record<ColourCause, string> = {
  'force-on': 'задан FORCE_COLOR',
  'force-off': 'задан FORCE_COLOR',
  'no-color': 'задан NO_COLOR',
  'not-tty': 'stdout — не терминал',
  dumb: 'TERM=dumb',
  terminal: 'цветной терминал',
};

export const ru: DoctorTexts = {
  names: {
    terminal: 'терминал',
    colour: 'цвет',
    terminalSize: 'размер терминала',
    locale: 'локаль',
    progress: 'прогресс',
    course: 'курс',
    url: 'URL Redis',
    urlData: 'его данные',
  },
  node: {
    tooOld: (shown, minimum) => `${shown}; redis-tutor нужен Node.js ${minimum} или новее`,
    install: (minimum) => `Установите Node.js ${minimum} или новее (https://nodejs.org или \`nvm install ${minimum}\`).`,
  },
  server: {
    found: (product, path) => `${product}: ${path}`,
    tooOld: (product, path, minimum) => `${product} (${path}) старше Redis ${minimum}`,
    installNewer: (minimum) => `Установите Redis ${minimum} или новее. ${INSTALL_REDIS_SERVER}`,
    didNotRun: (path, reason) => `${path} не запустился: ${reason}`,
    pointAtWorking: (minimum) => `Укажите в --redis-server рабочий redis-server ${minimum}+ или установите его. ${INSTALL_REDIS_SERVER}`,
    badChoice: (origin, given) => `${origin} указывает на ${given}, а это не исполняемый файл`,
    giveFullPath: (origin) => `Укажите полный путь к программе redis-server или уберите ${origin}, чтобы взять ту, что в PATH. ${INSTALL_REDIS_SERVER}`,
    notOnPath: 'не найден в PATH',
    usedInstead: (detail, coveredBy) => `${detail} (вместо него используется ${coveredBy})`,
    installServer: INSTALL_REDIS_SERVER,
  },
  cli: {
    notOnPath: 'не найден в PATH (не обязателен)',
    found: (version, path) => `${version ?? 'версия неизвестна'}: ${path}`,
    install: 'Он нужен только тестам самого redis-tutor: sudo apt-get install -y redis-tools   (macOS: brew install redis).',
  },
  docker: {
    needed: 'redis-tutor воспользуется им, так как подходящего redis-server нет',
    optional: 'не обязателен: запасной путь, когда нет redis-server',
    answers: (version) => `движок ${version} отвечает`,
    noEngine: (reason, why) => `ни один движок не ответил на \`docker version\` (${reason}); ${why}`,
    startIt: 'Запустите Docker Desktop или службу docker (sudo systemctl start docker), если нужен запасной путь через Docker.',
    notInstalled: (why) => `не установлен; ${why}`,
    installIt: 'Установите Docker (https://docs.docker.com/get-docker/) или, проще, redis-server.',
  },
  url: {
    notGiven: 'не задан (--url / REDIS_URL): redis-tutor запускает собственный Redis',
    checkIt: 'Проверьте, что сервер работает и что --url указан верно.',
    at: (product, where) => `${product} на ${where}`,
    tooOld: (product, where, minimum) => `${product} на ${where} старше Redis ${minimum}`,
    pointAtNewer: (minimum) => `Укажите в --url Redis ${minimum} или новее (docker compose up -d запустит такой на localhost:6379).`,
    empty: (db) => `база ${db} пуста: redis-tutor может ей пользоваться`,
    keys: (count) => plural(count, 'ключ', 'ключа', 'ключей'),
    mayReset: (db, keys) => `в базе ${db} ${keys}, созданных через redis-tutor: он может их сбросить`,
    foreign: (db, keys) => `в базе ${db} ${keys}, созданных не через redis-tutor: он откажется её сбрасывать (FLUSHDB)`,
    giveEmpty: (base, otherDb) =>
      `Дайте тьютору пустую базу (например, --url redis://${base}/${otherDb}) или передайте --force командам start/grade/validate, если эти ключи можно удалить.`,
  },
  terminal: {
    ok: 'stdin и stdout — терминал',
    notTerminal: (missing) =>
      `${missing.join(' и ')} — не терминал: он нужен \`redis-tutor start\` (list, show, grade и validate обходятся без него)`,
    runDirectly: 'Запускайте `redis-tutor start` прямо в терминале, без конвейера и перенаправления.',
    colour: (enabled, cause, reason) => `${enabled ? 'включён' : 'выключен'} (${cause === undefined || cause.startsWith('force') ? reason : COLOUR_CAUSES[cause]})`,
    sizeUnknown: (want) => `неизвестен (stdout — не терминал); тьютору нужно не меньше ${want}`,
    tooSmall: (size, want) => `${size}, меньше ${want}: строки будут переноситься, а панели — обрезаться`,
    makeBigger: (want) => `Сделайте окно не меньше ${want}.`,
    windowsConsole: 'консоль Windows',
    notUtf8: (variable, value) => `${variable}=${value} — не UTF-8: рамки и русские тексты не будут видны`,
    noLocale: 'не задана (LC_ALL, LC_CTYPE, LANG): UTF-8 не гарантирован',
    useUtf8: 'Включите локаль UTF-8, например export LANG=C.UTF-8 (или ru_RU.UTF-8).',
  },
  progress: {
    fromEnv: ' (из REDIS_TUTOR_HOME)',
    cannot: (file, read, write) =>
      `${file} нельзя ${[read ? 'прочитать' : undefined, write ? 'записать' : undefined].filter(Boolean).join(' и ')}: прогресс не сохранится`,
    notCreated: (file) => `${file} (ещё не создан)`,
    cannotCreate: (file, folder) => `${file} не создать: в ${folder} нельзя писать, так что прогресс не сохранится`,
    fixEnv: 'Укажите в REDIS_TUTOR_HOME папку, в которую можно писать, или уберите эту переменную.',
    fixFolder: 'Исправьте права папки или укажите в REDIS_TUTOR_HOME папку, в которую можно писать.',
  },
  course: {
    reinstall: 'Переустановите redis-tutor (npm install -g redis-tutor) или запустите `redis-tutor validate`, чтобы увидеть весь список.',
    size: (modules, exercises) => `модулей: ${modules}, упражнений: ${exercises}`,
    errors: (size, count, first) => `${size}; ошибок: ${count}: ${first}${count > 1 ? ` (и ещё ${count - 1})` : ''}`,
    valid: (size, warnings) => `${size}, всё в порядке${warnings > 0 ? `, предупреждений: ${warnings}` : ''}`,
  },
  programs: {
    pythonDoesNotRun: (which, reason) => `${which} не запускается: ${reason}`,
    installPython: 'Установите Python 3 (sudo apt-get install -y python3) или укажите его через --python PATH или REDIS_TUTOR_PYTHON. Он нужен только ответам на .py.',
    noRedisPy: (which, version) => `в ${which} ${version} нет redis-py, так что \`import redis\` не сработает`,
    installRedisPy: (command) => `Установите его для этого Python: ${command}; или укажите Python, в котором он есть, через --python PATH или REDIS_TUTOR_PYTHON.`,
    redisPy: (which, version, redisPy) => `${which} ${version} с redis-py ${redisPy}`,
    nodeDoesNotRun: (which, failure) => `${which} не запускается: ${failure ?? 'нет версии'}`,
    nameNode: 'Укажите Node.js 20 или новее через --node PATH или REDIS_TUTOR_NODE или не задавайте ни то ни другое, чтобы взять тот, в котором работает redis-tutor.',
    noIoredis: (version) => `node ${version}; собственного ioredis у redis-tutor нет`,
    reinstallIoredis: 'Переустановите redis-tutor (npm install -g redis-tutor) или установите ioredis рядом с ответами (npm install ioredis).',
    ioredis: (version, ioredis) => `node ${version} с ioredis ${ioredis} (собственный у redis-tutor: \`import Redis from 'ioredis'\` работает без сети)`,
  },
  verdict: {
    cannotRun: 'redis-tutor пока не запустится: исправьте проваленные проверки выше.',
    canRun: (redis) => `redis-tutor запустится и будет использовать ${redis}.`,
    urlRedis: (product, where) => `${product} на ${where}`,
    privateServer: (binary, version) => `собственный ${binary} ${version}, который запустит сам`,
    docker: 'контейнер redis:7, который запустит через Docker',
    some: 'Redis',
  },
};
