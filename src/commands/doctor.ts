import { Chalk } from 'chalk';
import { decideColour } from '../doctor/colour.js';
import { diagnose } from '../doctor/diagnose.js';
import { gatherFacts } from '../doctor/gather-facts.js';
import { renderDoctor } from '../doctor/render-doctor.js';
import { resolveLanguage } from '../course/language.js';
import type { Action } from './action.js';

/**
 * `redis-tutor doctor [--url URL] [--redis-server PATH] [--course DIR] [--python PATH] [--node PATH] [--lang en|ru]`:
 * reports what this machine has; changes nothing. Exit 0 when the tutor can run, else 2.
 */
export const doctorAction: Action = async ({ options, io }) => {
  const url = typeof options.url === 'string' ? options.url : io.env['REDIS_URL'];
  const facts = await gatherFacts({
    io,
    ...(url ? { url } : {}),
    ...(typeof options.redisServer === 'string' ? { redisServerBin: options.redisServer } : {}),
    ...(typeof options.course === 'string' ? { course: options.course } : {}),
    ...(typeof options.python === 'string' ? { python: options.python } : {}),
    ...(typeof options.node === 'string' ? { node: options.node } : {}),
  });
  const report = diagnose(facts, resolveLanguage(options.lang, io.env));
  const colour = decideColour(io.env, io.stdout.isTTY === true);
  const unicode = facts.terminal.platform === 'win32' || /utf-?8/i.test(facts.terminal.locale?.value ?? '');
  // Wrapped to a terminal's width; piped, each check stays one line.
  const width = io.stdout.isTTY === true && io.stdout.columns !== undefined && io.stdout.columns > 0 ? io.stdout.columns : undefined;
  io.stdout.write(renderDoctor(report, { chalk: new Chalk({ level: colour.enabled ? 1 : 0 }), unicode, ...(width !== undefined ? { width } : {}) }));
  return report.exitCode;
};
