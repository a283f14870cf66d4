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
    return { enabled: !off, reason: `FORCE_COLOR=${force}` };
  }
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return { enabled: false, reason: 'NO_COLOR is set' };
  if (!streamIsTty) return { enabled: false, reason: 'stdout is not a terminal' };
  if (env['TERM'] === 'dumb') return { enabled: false, reason: 'TERM=dumb' };
  return { enabled: true, reason: 'a colour terminal' };
}
