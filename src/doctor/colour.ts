import type { ColourDecision } from './doctor-facts.js';

/**
 * Whether output to a stream gets colour. FORCE_COLOR wins, then NO_COLOR
 * (https://no-color.org), then "is it a terminal that is not dumb" - the
 * order Node's own tty.hasColors() uses, so the tutor agrees with the tools
 * around it.
 */
export function decideColour(env: NodeJS.ProcessEnv, streamIsTty: boolean): ColourDecision {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    const off = force === '0' || force.toLowerCase() === 'false';
    return { enabled: !off, cause: off ? 'force-off' : 'force-on', reason: `FORCE_COLOR=${force}` };
  }
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return { enabled: false, cause: 'no-color', reason: 'NO_COLOR is set' };
  if (!streamIsTty) return { enabled: false, cause: 'not-tty', reason: 'stdout is not a terminal' };
  if (env['TERM'] === 'dumb') return { enabled: false, cause: 'dumb', reason: 'TERM=dumb' };
  return { enabled: true, cause: 'terminal', reason: 'a colour terminal' };
}
