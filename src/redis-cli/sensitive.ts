/**
 * redis-cli 7.0's isSensitiveCommand(): commands that carry a password and so
 * never reach the history. Pass the arguments after any repeat prefix.
 */
import { cString } from './split-args.js';

export function isSensitiveCommand(args: readonly Buffer[]): boolean {
  const words = args.map(lowerCString);
  const argc = words.length;
  const [name, sub, third] = words;
  if (name === 'auth') return true;
  if (argc > 1 && name === 'acl' && sub === 'setuser') return true;
  if (argc > 2 && name === 'config' && sub === 'set') {
    return third === 'masterauth' || third === 'masteruser' || third === 'requirepass';
  }
  if (argc > 4 && name === 'hello') return helloCarriesAuth(words);
  if (argc > 7 && name === 'migrate') return migrateCarriesAuth(words);
  return false;
}

/** HELLO protover [AUTH username password] [SETNAME clientname], options in any order. */
function helloCarriesAuth(words: readonly string[]): boolean {
  for (let j = 2; j < words.length; j++) {
    const moreArgs = words.length - 1 - j;
    if (words[j] === 'auth' && moreArgs >= 2) return true;
    if (words[j] === 'setname' && moreArgs > 0) j++;
    else return false;
  }
  return false;
}

/** MIGRATE host port key|"" db timeout [COPY] [REPLACE] [AUTH pw] [AUTH2 user pw] [KEYS key...] */
function migrateCarriesAuth(words: readonly string[]): boolean {
  for (let j = 6; j < words.length; j++) {
    const moreArgs = words.length - 1 - j;
    if (words[j] === 'auth' && moreArgs > 0) return true;
    if (words[j] === 'auth2' && moreArgs >= 2) return true;
    if (words[j] === 'keys' && moreArgs > 0) return false;
  }
  return false;
}

/** strcasecmp sees the bytes before any NUL. */
function lowerCString(arg: Buffer): string {
  return cString(arg).toString('latin1').toLowerCase();
}
