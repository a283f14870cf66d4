import * as nodeModule from 'node:module';
import { isTypeScriptModule } from './typescript-source.js';

let registered: Promise<void> | undefined;

/**
 * Lets import() take a .ts file from here on (./typescript-hooks.ts), and
 * turns on source maps so an error's stack names the line of the .ts file
 * rather than of the JavaScript made from it. Once per process, and only
 * when a .ts module is about to be imported.
 */
export function prepareImport(path: string): Promise<void> {
  if (!isTypeScriptModule(path)) return Promise.resolve();
  registered ??= Promise.resolve().then(() => {
    const register = (nodeModule as { register?: (specifier: string, parentURL: string) => void }).register;
    if (register === undefined) {
      throw new Error(`TypeScript checks need Node.js 20.6 or later (this is ${process.version}); use a .js check, or a newer Node.js`);
    }
    process.setSourceMapsEnabled(true);
    register('./typescript-hooks.js', import.meta.url);
  });
  return registered;
}
