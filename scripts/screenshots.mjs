#!/usr/bin/env node
// Renders the home screen, an exercise screen and a program exercise of `redis-tutor start` to PNG
// images for the README, from a real terminal session: the built program runs
// in a pseudo-terminal (node-pty), its output goes through a headless xterm.js,
// and the resulting screen is drawn as SVG, then converted with rsvg-convert
// (librsvg2-bin) or ImageMagick. Run `npm run build` first.
//
//   node scripts/screenshots.mjs [outDir]      (default docs/screenshots)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { spawn as spawnPty } from 'node-pty';

// @xterm/headless is a CommonJS bundle whose names Node cannot see from ESM: only its default export.
const { Terminal } = xterm;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'docs', 'screenshots'));
const COLUMNS = 110;
const ROWS = 32;

// A dark theme close to common terminal defaults; 16 ANSI colours.
const PALETTE = ['#1e1e1e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#dcdfe4', '#5c6370', '#ff7b86', '#b5e890', '#ffd68a', '#8cc8ff', '#e0a0ff', '#7fd8e2', '#ffffff'];
const BACKGROUND = '#1e1e1e';
const FOREGROUND = '#dcdfe4';
const CELL_W = 8.4;
const CELL_H = 18;
const FONT_SIZE = 14;

const home = mkdtempSync(join(tmpdir(), 'redis-tutor-screens-'));
let terminal = new Terminal({ cols: COLUMNS, rows: ROWS, allowProposedApi: true });
/** `redis-tutor start ARGS` in a fresh pseudo-terminal (the screenshots are of the latest). @param {string[]} args @param {NodeJS.ProcessEnv} [env] */
function startTutor(args, env = {}) {
  terminal = new Terminal({ cols: COLUMNS, rows: ROWS, allowProposedApi: true });
  const started = spawnPty(process.execPath, [join(root, 'bin', 'redis-tutor.js'), 'start', ...args], {
    name: 'xterm-256color',
    cols: COLUMNS,
    rows: ROWS,
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home, TERM: 'xterm-256color', LANG: 'en_US.UTF-8', FORCE_COLOR: '1', REDIS_TUTOR_HOME: home, ...env },
  });
  started.onData((data) => terminal.write(data));
  return started;
}
let child = startTutor([]);
/** A Python with redis-py for the program screenshot: python3 on PATH, else Debian's. */
const pythonWithRedis = ['python3', '/usr/bin/python3'].find((python) => spawnSync(python, ['-c', 'import redis'], { stdio: 'ignore' }).status === 0);

/** @param {number} ms @returns {Promise<void>} */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const screenText = () => {
  /** @type {string[]} */
  const lines = [];
  for (let y = 0; y < ROWS; y++) lines.push(terminal.buffer.active.getLine(y)?.translateToString(true) ?? '');
  return lines.join('\n');
};
/** @param {string} text */
async function waitFor(text, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!screenText().includes(text)) {
    if (Date.now() > deadline) throw new Error(`screenshots: "${text}" never appeared:\n${screenText()}`);
    await sleep(50);
  }
  await sleep(300);
}
/** @param {string} text */
async function type(text) {
  for (const char of text) {
    child.write(char);
    await sleep(15);
  }
}

/**
 * @param {0 | 1 | 2 | 3} mode 0 default, 1 and 2 palette, 3 RGB
 * @param {number} value @param {string} fallback
 * @returns {string}
 */
function colour(mode, value, fallback) {
  if (mode === 0) return fallback;
  if (mode === 1 || mode === 2) return value < 16 ? PALETTE[value] : xterm256(value);
  return `#${value.toString(16).padStart(6, '0')}`;
}
/** @param {number} n */
function xterm256(n) {
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return `rgb(${v},${v},${v})`;
  }
  const i = n - 16;
  const c = (/** @type {number} */ x) => (x === 0 ? 0 : 55 + x * 40);
  return `rgb(${c(Math.floor(i / 36))},${c(Math.floor(i / 6) % 6)},${c(i % 6)})`;
}
/** @param {string} s */
const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The visible screen as SVG: one rect per background run, one text per styled run. */
function toSvg() {
  const buffer = terminal.buffer.active;
  /** @type {string[]} */
  const parts = [];
  const cell = buffer.getNullCell();
  for (let y = 0; y < ROWS; y++) {
    const line = buffer.getLine(y);
    if (!line) continue;
    let x = 0;
    while (x < COLUMNS) {
      line.getCell(x, cell);
      const inverse = cell.isInverse();
      let fg = colour(cell.getFgColorMode() >> 24 === 0 ? 0 : cell.isFgPalette() ? 1 : 3, cell.getFgColor(), FOREGROUND);
      let bg = colour(cell.getBgColorMode() >> 24 === 0 ? 0 : cell.isBgPalette() ? 1 : 3, cell.getBgColor(), BACKGROUND);
      if (cell.isFgDefault()) fg = FOREGROUND;
      if (cell.isBgDefault()) bg = BACKGROUND;
      if (inverse) [fg, bg] = [bg, fg];
      const bold = cell.isBold() !== 0;
      const dim = cell.isDim() !== 0;
      const underline = cell.isUnderline() !== 0;
      const key = `${fg}|${bg}|${bold}|${dim}|${underline}`;
      let text = '';
      const start = x;
      while (x < COLUMNS) {
        line.getCell(x, cell);
        let cfg = cell.isFgDefault() ? FOREGROUND : colour(cell.isFgPalette() ? 1 : 3, cell.getFgColor(), FOREGROUND);
        let cbg = cell.isBgDefault() ? BACKGROUND : colour(cell.isBgPalette() ? 1 : 3, cell.getBgColor(), BACKGROUND);
        if (cell.isInverse()) [cfg, cbg] = [cbg, cfg];
        const ckey = `${cfg}|${cbg}|${cell.isBold() !== 0}|${cell.isDim() !== 0}|${cell.isUnderline() !== 0}`;
        if (ckey !== key) break;
        text += cell.getChars() || ' ';
        x += Math.max(1, cell.getWidth());
      }
      const px = 12 + start * CELL_W;
      const py = 12 + y * CELL_H;
      if (bg !== BACKGROUND) parts.push(`<rect x="${px}" y="${py}" width="${(x - start) * CELL_W}" height="${CELL_H}" fill="${bg}"/>`);
      if (text.trim() !== '') {
        parts.push(
          `<text x="${px}" y="${py + 14}" fill="${fg}"${bold ? ' font-weight="bold"' : ''}${dim ? ' opacity="0.6"' : ''}${underline ? ' text-decoration="underline"' : ''} textLength="${(x - start) * CELL_W}" lengthAdjust="spacingAndGlyphs" xml:space="preserve">${escapeXml(text)}</text>`,
        );
      }
    }
  }
  const width = 24 + COLUMNS * CELL_W;
  const height = 24 + ROWS * CELL_H;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="${FONT_SIZE}"><rect width="100%" height="100%" rx="8" fill="${BACKGROUND}"/>${parts.join('')}</svg>`;
}

/** @param {string} name */
function save(name) {
  mkdirSync(outDir, { recursive: true });
  const svg = join(outDir, `${name}.svg`);
  const png = join(outDir, `${name}.png`);
  writeFileSync(svg, toSvg());
  /** @type {Array<[string, string[]]>} */
  const converters = [
    ['rsvg-convert', ['-o', png, svg]],
    ['convert', [svg, png]],
  ];
  for (const [command, args] of converters) {
    const result = spawnSync(command, args, { stdio: 'ignore' });
    if (result.status === 0) {
      rmSync(svg);
      console.log(`wrote ${png}`);
      return;
    }
  }
  console.log(`wrote ${svg} (no SVG to PNG converter found: apt-get install librsvg2-bin, or ImageMagick)`);
}

try {
  await waitFor('Start: Getting started');
  save('home');
  child.write('\r');
  // The exercise screen's key line: on screen once the exercise is (whatever the module's length).
  await waitFor(':hint :solution');
  await type('SET greeting hello\r');
  await waitFor('checked in');
  await type('PING\r');
  await waitFor('PONG');
  save('exercise');
  await type('SET greeting "Hello, Redis!"\r');
  await waitFor('Solved!');
  save('solved');
  child.write('\x03');
  await sleep(200);
  child.write('y');
  await sleep(1_000);
  // The program flow: the learner's file in the workspace, saved with the solution, its output and the checklist.
  if (pythonWithRedis === undefined) console.log('no python3 with redis-py: program.png skipped');
  else {
    child = startTutor(['--exercise', 'getting-started/first-program'], { REDIS_TUTOR_PYTHON: pythonWithRedis });
    await waitFor('Save the file to run it');
    const solution = readFileSync(join(root, 'exercises/01-getting-started/programs/first-program/solution.py'), 'utf8');
    writeFileSync(join(home, 'workspace/getting-started/first-program.py'), solution);
    await waitFor('Solved!');
    save('program');
    child.write('\x03');
    await sleep(200);
    child.write('y');
    await sleep(1_000);
  }
} finally {
  child.kill();
  rmSync(home, { recursive: true, force: true });
}
