/** Small program answers in each language the grader runs, written without client libraries so the tests need none. */

/** A .py answer sending commands with the standard library only (a real one would `import redis`). */
export function pythonAnswer(commands: string[][], exitCode = 0): string {
  return [
    'import os, socket',
    "sock = socket.create_connection((os.environ['REDIS_HOST'], int(os.environ['REDIS_PORT'])))",
    'def call(*args):',
    "    sock.sendall(('*%d\\r\\n' % len(args) + ''.join('$%d\\r\\n%s\\r\\n' % (len(a.encode()), a) for a in args)).encode())",
    '    return sock.recv(65536)',
    // The private server has a password; REDIS_PASSWORD carries it, as it does for real answers.
    "if os.environ.get('REDIS_PASSWORD'): call('AUTH', os.environ['REDIS_PASSWORD'])",
    ...commands.map((args) => `print(call(${args.map((arg) => JSON.stringify(arg)).join(', ')}))`),
    `raise SystemExit(${exitCode})`,
    '',
  ].join('\n');
}

/** A .js/.mjs/.ts answer using node:net (the same text is valid TypeScript). */
export function nodeAnswer(commands: string[][], moduleSyntax: 'esm' | 'cjs'): string {
  const encode = (args: string[]) => `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;
  return [
    moduleSyntax === 'esm' ? "import { connect } from 'node:net';" : "const { connect } = require('node:net');",
    'const socket = connect(Number(process.env.REDIS_PORT), process.env.REDIS_HOST);',
    // The private server has a password; REDIS_PASSWORD carries it, as it does for real answers.
    'const password = process.env.REDIS_PASSWORD;',
    "const auth = password ? `*2\\r\\n$4\\r\\nAUTH\\r\\n$${Buffer.byteLength(password)}\\r\\n${password}\\r\\n` : '';",
    `socket.write(auth + ${JSON.stringify(commands.map(encode).join(''))});`,
    "let replies = '';",
    `socket.on('data', (chunk) => { replies += chunk; if (replies.split('\\r\\n').length > ${commands.length} + (password ? 1 : 0)) socket.end(); });`,
    '',
  ].join('\n');
}

/** A shell answer using redis-cli with REDIS_URL, as a teacher's CI with apt's redis-tools has it. */
export function shellAnswer(commands: string[][], exitCode = 0): string {
  return [...commands.map((args) => `redis-cli -u "$REDIS_URL" ${args.join(' ')}`), `exit ${exitCode}`, ''].join('\n');
}
