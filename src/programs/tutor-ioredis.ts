import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * A file of the tutor's from which `ioredis` resolves to the tutor's own
 * copy: Node looks for node_modules from here upwards, wherever the tutor is
 * installed (a global install, npx's cache, this repository).
 */
const TUTOR_BASE = import.meta.url;

/** Where the tutor's ioredis is and which version, or undefined when the tutor has none (it always should). */
export function tutorIoredis(): { dir: string; version: string } | undefined {
  try {
    const require = createRequire(TUTOR_BASE);
    const manifest = require.resolve('ioredis/package.json');
    const { version } = require(manifest) as { version: string };
    return { dir: dirname(manifest), version };
  } catch {
    return undefined;
  }
}

/**
 * The module Node runs before a JavaScript answer (`node --import <it>`):
 * when the answer's own folders have no ioredis, `import Redis from
 * 'ioredis'` and `require('ioredis')` find the tutor's, so answers work
 * offline once the tutor is installed. ES modules ignore NODE_PATH, hence a
 * resolve hook (module.register, Node 20.6 and newer); require() goes
 * through Module._resolveFilename. Only a lookup that failed is redirected:
 * a submission's own node_modules/ioredis still wins. A data: URL, so no
 * file has to be written or shipped for it.
 */
export function ioredisPreloadUrl(): string {
  const base = JSON.stringify(TUTOR_BASE);
  const isIoredis = "(s) => s === 'ioredis' || s.startsWith('ioredis/')";
  const hooks = [
    `const BASE = ${base};`,
    `const isIoredis = ${isIoredis};`,
    'export async function resolve(specifier, context, next) {',
    '  try { return await next(specifier, context); }',
    "  catch (error) { if (isIoredis(specifier) && error?.code === 'ERR_MODULE_NOT_FOUND') return next(specifier, { ...context, parentURL: BASE }); throw error; }",
    '}',
  ].join('\n');
  const preload = [
    "import * as moduleApi from 'node:module';",
    `const BASE = ${base};`,
    `const isIoredis = ${isIoredis};`,
    `if (typeof moduleApi.register === 'function') moduleApi.register(${JSON.stringify(dataUrl(hooks))});`,
    'const Module = moduleApi.default;',
    'const original = Module._resolveFilename;',
    'Module._resolveFilename = function (request, ...rest) {',
    '  try { return original.call(this, request, ...rest); }',
    "  catch (error) { if (isIoredis(request) && error?.code === 'MODULE_NOT_FOUND') return moduleApi.createRequire(BASE).resolve(request); throw error; }",
    '};',
  ].join('\n');
  return dataUrl(preload);
}

function dataUrl(code: string): string {
  return `data:text/javascript,${encodeURIComponent(code)}`;
}
