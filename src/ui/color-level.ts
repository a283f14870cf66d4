import { Chalk, type ChalkInstance } from 'chalk';

/**
 * The colour level for the TUI: FORCE_COLOR wins (0 turns colour off, 1-3
 * pick a level), then NO_COLOR (https://no-color.org) turns it off, else
 * basic 16 colours on a terminal. 16 colours keep to the palette the
 * terminal's theme defines, which is what makes them readable on light and
 * dark backgrounds alike.
 */
export function colorLevel(env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false') return 0;
    const level = Number.parseInt(force, 10);
    if (Number.isFinite(level)) return Math.max(0, Math.min(3, level)) as 0 | 1 | 2 | 3;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return isTTY ? 1 : 0;
}

export function tuiChalk(env: NodeJS.ProcessEnv, isTTY: boolean): ChalkInstance {
  return new Chalk({ level: colorLevel(env, isTTY) });
}
