import type { CheckResult } from '../doctor-model.js';

/** package.json "engines": the oldest Node the tutor is built and tested for. */
export const MINIMUM_NODE_MAJOR = 20;

export function checkNode(version: string): CheckResult {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  const shown = version.startsWith('v') ? version : `v${version}`;
  if (Number.isInteger(major) && major >= MINIMUM_NODE_MAJOR) return { name: 'Node.js', status: 'ok', detail: shown };
  return {
    name: 'Node.js',
    status: 'fail',
    detail: `${shown}; redis-tutor needs Node.js ${MINIMUM_NODE_MAJOR} or newer`,
    nextStep: `Install Node.js ${MINIMUM_NODE_MAJOR} or newer (https://nodejs.org, or \`nvm install ${MINIMUM_NODE_MAJOR}\`).`,
  };
}
