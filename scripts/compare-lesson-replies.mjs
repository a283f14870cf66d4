#!/usr/bin/env node
// Where the servers learners have print different things than a lesson shows,
// and whether the lesson says which server and version printed it:
//   - the commands of each lesson's ``` blocks and `CMD -> reply` lines, run on
//     every server from an empty database with the exercise's setup;
//   - what COMMAND DOCS says of the commands a lesson calls deprecated (the
//     `help` of redis-cli and of the tutor shows it): Redis 7.0 marks fewer;
//   - INFO fields a lesson names that some server does not have;
//   - error texts a lesson quotes in prose (`ERR ...`, `NOPERM ...`), looked up
//     in each server's binary, where they are compiled in.
// A difference counts as said when its paragraph (or the code block and the
// paragraph after it) names a version: "Redis 7.0.15", "Valkey 8".
// Throwaway servers only: the script starts them itself.
//
// Usage: node scripts/compare-lesson-replies.mjs [PATH-TO-SERVER ...]
// Default: Debian's redis-server and the matrix's Redis 8 and Valkey 8
// (scripts/matrix/servers.sh puts them in ~/.cache/redis-tutor-matrix).
// Exit code 0 when every difference is said in its lesson, 1 otherwise.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { parse } from 'yaml';

const COURSE = join(import.meta.dirname, '..', 'exercises');
const MATRIX = process.env['REDIS_TUTOR_MATRIX_CACHE'] ?? join(homedir(), '.cache', 'redis-tutor-matrix');
const DEFAULT_SERVERS = ['/usr/bin/redis-server', join(MATRIX, 'redis-8', 'bin', 'redis-server'), join(MATRIX, 'valkey-8', 'usr', 'bin', 'valkey-server')];
// What would hang, end the server or the connection, or change the protocol; their replies are not the point.
const SKIPPED = new Set(
  'SUBSCRIBE PSUBSCRIBE SSUBSCRIBE MONITOR SHUTDOWN DEBUG QUIT RESET HELLO CLIENT WAIT WAITAOF SYNC PSYNC REPLICAOF SLAVEOF FAILOVER AUTH ACL SELECT SWAPDB MIGRATE CLUSTER BLPOP BRPOP BLMOVE BRPOPLPUSH BLMPOP BZPOPMIN BZPOPMAX BZMPOP'.split(' '),
);
// A Redis 8.0.2 built without TLS (the matrix's) crashes on CONFIG SET tls-port.
const CRASHES = /^CONFIG SET tls-/i;
// Replies that hold a moment, a process or a random pick, not a server's wording.
const VOLATILE =
  /^(TIME|LASTSAVE|RANDOMKEY|SRANDMEMBER|SPOP|HRANDFIELD|ZRANDMEMBER|OBJECT IDLETIME|OBJECT FREQ|MEMORY|INFO|XADD|XINFO|XAUTOCLAIM|XCLAIM|XPENDING|XREADGROUP|XRANGE|XREVRANGE|XREAD|SCAN|SSCAN|HSCAN|ZSCAN|CONFIG GET|SLOWLOG|LATENCY|BGSAVE|BGREWRITEAOF|COMMAND|PFDEBUG|DBSIZE|TTL|PTTL|EXPIRETIME|PEXPIRETIME|HTTL|HPTTL)\b/i;
// Sets and hashes come back in the order of the server's hash table, which changes from run to run.
const UNORDERED = /^(SMEMBERS|SUNION|SINTER|SDIFF|KEYS|HKEYS|HVALS|HGETALL)\b/i;
const ERROR_CODES = 'ERR|WRONGTYPE|NOPERM|NOAUTH|WRONGPASS|BUSYGROUP|NOGROUP|NOSCRIPT|NOSUB|BUSY|EXECABORT|READONLY|OOM|MISCONF|LOADING|NOREPLICAS|CROSSSLOT';

/** @typedef {{ name: string, port: number, binary: string, redis: Redis, stop(): void }} Server */
/** @typedef {{ path: string, fileText: string, lesson: string, setup: string }} Lesson */

/** @param {unknown} value @param {string} name @returns {unknown} */
function field(value, name) {
  return typeof value === 'object' && value !== null && name in value ? /** @type {Record<string, unknown>} */ (value)[name] : undefined;
}

/** @returns {Lesson[]} every exercise's English lesson, with its setup */
function readLessons() {
  /** @type {Lesson[]} */
  const lessons = [];
  for (const moduleDir of readdirSync(COURSE).filter((name) => /^\d\d-/.test(name)).sort()) {
    for (const file of readdirSync(join(COURSE, moduleDir)).filter((name) => /^\d\d-.*\.yaml$/.test(name)).sort()) {
      const fileText = readFileSync(join(COURSE, moduleDir, file), 'utf8');
      /** @type {unknown} */
      const exercise = parse(fileText);
      const lesson = field(field(exercise, 'lesson'), 'en');
      const setup = field(exercise, 'setup');
      if (typeof lesson === 'string') lessons.push({ path: `${moduleDir}/${file}`, fileText, lesson, setup: typeof setup === 'string' ? setup : '' });
    }
  }
  return lessons;
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @param {number} port @param {import('node:child_process').ChildProcess} [child] @returns {Promise<Redis>} */
async function connectTo(port, child) {
  const redis = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0, commandTimeout: 1_000, retryStrategy: () => 100 });
  redis.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    redis.once('ready', resolve);
    child?.once('exit', (code) => reject(new Error(`the server on port ${port} exited with ${String(code)} before answering`)));
  });
  return redis;
}

/** @param {string} binary @returns {Promise<Server>} */
async function startServer(binary) {
  const dir = mkdtempSync(join(tmpdir(), 'compare-replies-'));
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const redis = await connectTo(port, child);
  const info = String(await redis.call('INFO', 'server'));
  const version = /valkey_version:(\S+)/.exec(info)?.[1] ?? /redis_version:(\S+)/.exec(info)?.[1] ?? '?';
  /** @type {Server} */
  const server = {
    name: `${info.includes('valkey_version') ? 'Valkey' : 'Redis'} ${version}`,
    port,
    binary,
    redis,
    stop() {
      server.redis.disconnect();
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** redis-cli's way of splitting a line into arguments (sdssplitargs), for lessons' lines. @param {string} line */
function splitArgs(line) {
  /** @type {string[]} */
  const args = [];
  const escapes = /** @type {Record<string, string>} */ ({ n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' });
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    let word = '';
    const quote = line[i] === '"' || line[i] === "'" ? line[i++] : undefined;
    for (; i < line.length; i++) {
      const c = line[i] ?? '';
      if (quote === undefined && (c === ' ' || c === '\t')) break;
      if (quote !== undefined && c === quote) {
        i++;
        break;
      }
      if (quote === '"' && c === '\\' && i + 1 < line.length) {
        const next = line[++i] ?? '';
        word += escapes[next] ?? next;
        continue;
      }
      word += c;
    }
    args.push(word);
  }
  return args;
}

/** The command of a lesson's code line (no prompt, `-> reply` or `# comment`); undefined for replies and prose. @param {string} line @param {Set<string>} known */
function commandOf(line, known) {
  const text = (line.replace(/^\s*(\S*:\d+(\[\d+\])?>|redis>|>)\s*/, '').split(/\s->\s|\s→\s/)[0] ?? '').replace(/\s+#.*$/, '').trim();
  const first = text.split(/\s+/)[0] ?? '';
  // Lessons write commands in upper case; a lower-case word that happens to be a command name is prose.
  if (!/^[A-Z][A-Z.|-]*$/.test(first) || !known.has(first)) return undefined;
  return /[<>[\]{}…]|\.\.\./.test(text) ? undefined : text;
}

/** Lines of the ``` blocks and `-> reply` lines of a lesson, with their line numbers in the file. @param {Lesson} lesson */
function codeLines(lesson) {
  /** @type {string[]} */
  const lines = [];
  let inside = false;
  for (const line of lesson.lesson.split('\n')) {
    if (line.trim().startsWith('```')) inside = !inside;
    else if (inside || /\s->\s/.test(line)) lines.push(line);
  }
  const fileLines = lesson.fileText.split('\n');
  return lines.map((line) => ({ line, number: fileLines.findIndex((candidate) => line.trim() !== '' && candidate.includes(line.trim())) + 1 }));
}

/** The lesson says which server prints what: the paragraph holding `needle` (or it and the next) names a version. @param {string} lesson @param {string} needle */
function saysWhich(lesson, needle) {
  const flat = (/** @type {string} */ text) => text.replace(/\s+/g, ' ');
  const paragraphs = lesson.split(/\n\s*\n/);
  const at = paragraphs.findIndex((paragraph) => flat(paragraph).includes(flat(needle)));
  return at >= 0 && /\b(Redis|Valkey) \d+(\.\d+)*\b/.test(`${paragraphs[at] ?? ''} ${paragraphs[at + 1] ?? ''}`);
}

/** @param {boolean} said */
function verdict(said) {
  return said ? 'the lesson says which server' : 'NOT SAID in the lesson';
}

/** @param {unknown} reply @param {string} command */
function show(reply, command) {
  if (reply instanceof Error) return `(error) ${reply.message}`;
  return JSON.stringify(Array.isArray(reply) && UNORDERED.test(command) ? reply.map(String).sort() : reply);
}

/** @param {Server} server @param {string[]} args @returns {Promise<unknown>} */
async function call(server, args) {
  const [name = '', ...rest] = args;
  try {
    return await server.redis.call(name, ...rest);
  } catch (error) {
    const problem = error instanceof Error ? error : new Error(String(error));
    if (!/timed out|Connection is closed/.test(problem.message)) return problem;
    // A blocked command (XREAD BLOCK): a fresh connection for what follows.
    server.redis.disconnect();
    server.redis = await connectTo(server.port);
    return new Error('(no reply in 1 s)');
  }
}

/** Each lesson's shown commands on every server; returns how many differ without the lesson saying which server. @param {Server[]} servers @param {Lesson[]} lessons @param {Set<string>} known */
async function compareReplies(servers, lessons, known) {
  let run = 0;
  let unsaid = 0;
  for (const lesson of lessons) {
    for (const server of servers) {
      await call(server, ['FLUSHALL']);
      for (const line of lesson.setup.split('\n').map((text) => text.trim())) if (line !== '' && !line.startsWith('#')) await call(server, splitArgs(line));
    }
    for (const { line, number } of codeLines(lesson)) {
      const command = commandOf(line, known);
      const args = command === undefined ? [] : splitArgs(command);
      if (command === undefined || SKIPPED.has(args[0] ?? '') || CRASHES.test(command)) continue;
      run++;
      /** @type {string[]} */
      const replies = [];
      for (const server of servers) replies.push(show(await call(server, args), command));
      if (VOLATILE.test(command) && replies.every((reply) => !reply.startsWith('(error)'))) continue;
      if (replies.every((reply) => reply === replies[0])) continue;
      const said = saysWhich(lesson.lesson, line.trim());
      if (!said) unsaid++;
      console.log(`${lesson.path}:${number}: ${command} — ${verdict(said)}`);
      servers.forEach((server, index) => console.log(`  ${server.name.padEnd(14)} ${replies[index] ?? ''}`));
    }
  }
  return { run, unsaid };
}

/** "deprecated since 2.6.12" or "not deprecated", as one server's COMMAND DOCS says. @param {Server} server @param {string} name */
async function deprecation(server, name) {
  const docs = await call(server, ['COMMAND', 'DOCS', name]);
  const fields = Array.isArray(docs) && Array.isArray(docs[1]) ? docs[1].map(String) : [];
  return fields.includes('deprecated_since') ? `deprecated since ${fields[fields.indexOf('deprecated_since') + 1] ?? '?'}` : 'not deprecated';
}

/** Lessons calling a command deprecated where the servers' COMMAND DOCS disagree on it. @param {Server[]} servers @param {Lesson[]} lessons @param {Set<string>} known */
async function compareDeprecations(servers, lessons, known) {
  let unsaid = 0;
  for (const name of [...known].filter((command) => !command.includes('|')).sort()) {
    const notes = await Promise.all(servers.map((server) => deprecation(server, name)));
    if (notes.every((note) => note === notes[0])) continue;
    const mention = new RegExp(`\\b${name}\\b[^.]*deprecated|deprecated[^.]*\\b${name}\\b`, 'i');
    for (const lesson of lessons) {
      const paragraph = lesson.lesson.split(/\n\s*\n/).find((text) => mention.test(text.replace(/\s+/g, ' ')));
      if (paragraph === undefined) continue;
      const said = saysWhich(lesson.lesson, paragraph);
      if (!said) unsaid++;
      console.log(`${lesson.path}: the lesson calls ${name} deprecated — ${verdict(said)}; COMMAND DOCS ${name}:`);
      servers.forEach((server, index) => console.log(`  ${server.name.padEnd(14)} ${notes[index] ?? ''}`));
    }
  }
  return unsaid;
}

/** INFO fields lessons name that some server does not have. @param {Server[]} servers @param {Lesson[]} lessons */
async function compareInfoFields(servers, lessons) {
  const perServer = await Promise.all(
    servers.map(async (server) => new Set(String(await call(server, ['INFO', 'everything'])).split('\n').map((line) => line.split(':')[0]?.trim() ?? ''))),
  );
  let unsaid = 0;
  for (const lesson of lessons) {
    const named = new Set([...lesson.lesson.matchAll(/(?:^|[\s`|])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?=[:`\s|])/gm)].map((match) => match[1] ?? ''));
    for (const name of named) {
      const has = perServer.map((fields) => fields.has(name));
      if (has.every(Boolean) || !has.some(Boolean)) continue;
      const said = saysWhich(lesson.lesson, name);
      if (!said) unsaid++;
      console.log(`${lesson.path}: INFO field ${name}: ${servers.map((server, index) => `${server.name} ${has[index] ? 'has it' : 'has not'}`).join(', ')} — ${verdict(said)}`);
    }
  }
  return unsaid;
}

/** Error texts lessons quote that some servers' binaries do not contain. @param {Server[]} servers @param {Lesson[]} lessons */
function compareQuotedErrors(servers, lessons) {
  const contents = servers.map((server) => readFileSync(server.binary).toString('latin1'));
  const quoted = new RegExp(`\`(?:\\(error\\) )?(?:${ERROR_CODES}) ([^\`]{8,})\``, 'g');
  let unsaid = 0;
  for (const lesson of lessons) {
    for (const [, text = ''] of lesson.lesson.replace(/\s*\n\s*/g, ' ').matchAll(quoted)) {
      // A command's name is filled in at run time ('mset'); the rest is in the binary as written.
      const pieces = text.replace(/\.$/, '').split(/'[^']*'/).map((piece) => piece.trim()).filter((piece) => piece.length >= 8);
      const has = contents.map((content) => pieces.every((piece) => content.includes(piece)));
      if (has.every(Boolean) || !has.some(Boolean)) continue;
      const said = saysWhich(lesson.lesson, text);
      if (!said) unsaid++;
      console.log(`${lesson.path}: quoted error "${text}": ${servers.map((server, index) => `${server.name} ${has[index] ? 'prints it' : 'does not'}`).join(', ')} — ${verdict(said)}`);
    }
  }
  return unsaid;
}

async function main() {
  const binaries = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_SERVERS;
  for (const binary of binaries) if (!existsSync(binary)) throw new Error(`no server at ${binary} (scripts/matrix/servers.sh brings the matrix's)`);
  /** @type {Server[]} */
  const servers = [];
  try {
    for (const binary of binaries) servers.push(await startServer(binary));
    const first = servers[0];
    const list = first ? await call(first, ['COMMAND', 'LIST']) : [];
    const known = new Set(Array.isArray(list) ? list.map((name) => String(name).toUpperCase()) : []);
    const lessons = readLessons();
    const deprecations = await compareDeprecations(servers, lessons, known);
    const fields = await compareInfoFields(servers, lessons);
    const errors = compareQuotedErrors(servers, lessons);
    const replies = await compareReplies(servers, lessons, known);
    console.log(
      `\n${replies.run} lesson commands run on ${servers.map((server) => server.name).join(', ')}; not said which server prints it: ` +
        `${replies.unsaid} differing replies, ${deprecations} deprecation notes, ${fields} INFO fields, ${errors} quoted error texts.`,
    );
    process.exitCode = replies.unsaid + deprecations + fields + errors > 0 ? 1 : 0;
  } finally {
    for (const server of servers) server.stop();
  }
}

await main();
