import { Chalk, type ChalkInstance } from 'chalk';

/** Colour only on a terminal and unless NO_COLOR is set (https://no-color.org). */
export function textStyle(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): ChalkInstance {
  const wanted = stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
  return new Chalk({ level: wanted ? 1 : 0 });
}

export const PLAIN: ChalkInstance = new Chalk({ level: 0 });
