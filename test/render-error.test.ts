import { describe, expect, it } from 'vitest';
import { BugError, EnvironmentError, UserError } from '../src/errors.js';
import { renderError } from '../src/render-error.js';

describe('renderError', () => {
  it.each([
    [new UserError('no such exercise', 'Run `redis-tutor list`.'), 2, 'redis-tutor: no such exercise\nRun `redis-tutor list`.\n'],
    [new EnvironmentError('redis-server not found'), 2, 'redis-tutor: redis-server not found\n'],
  ])('renders %s with its next step and exit code', (error, exitCode, text) => {
    expect(renderError(error)).toEqual({ text, exitCode });
  });

  it('turns an unexpected exception into a bug report with exit 70 and no stack', () => {
    const rendered = renderError(new TypeError('x is undefined'), { debug: false });
    expect(rendered.exitCode).toBe(70);
    expect(rendered.text).toMatch(/^redis-tutor: unexpected error: x is undefined\nThis is a bug in redis-tutor/);
    expect(rendered.text).toContain('REDIS_TUTOR_DEBUG=1 shows where it happened');
    expect(rendered.text).not.toMatch(/\n\s+at /);
  });

  it('shows the stack of a bug with REDIS_TUTOR_DEBUG=1', () => {
    const rendered = renderError(new TypeError('x is undefined'), { debug: true });
    expect(rendered.text).toMatch(/TypeError: x is undefined\n\s+at /);
  });

  it('keeps BugError as a bug', () => {
    expect(renderError(new BugError('impossible state')).exitCode).toBe(70);
  });
});
