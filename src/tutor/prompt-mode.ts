/**
 * The prompt's modes as a pure state machine: what the prompt is doing, what
 * a typed line or a Ctrl-C means in each mode, and what the controller must
 * do about it. No timers, no I/O: every transition is a row in a table test.
 *
 * - starting: the exercise's sandbox and setup are being prepared;
 * - ready: reading a line;
 * - busy: a line is being carried out (Ctrl-C cancels a blocking command);
 * - subscribed: SUBSCRIBE put the connection in subscribe mode (Ctrl-C leaves it;
 *   of typed lines only UNSUBSCRIBE and its pattern and shard kinds run, as a
 *   client library would send them: redis-cli 7.0 reads no keyboard there);
 * - monitoring: MONITOR streams every command the server runs (Ctrl-C leaves it);
 * - leaving: on the way out of subscribe or monitor mode;
 * - recovering: the Redis went away and the tutor is bringing it back.
 */
export type PromptMode = 'starting' | 'ready' | 'busy' | 'subscribed' | 'monitoring' | 'leaving' | 'recovering';

export interface PromptMachine {
  mode: PromptMode;
  /**
   * A typed line is being carried out. Apart from the mode: a line such as
   * `:next` opens another exercise (mode starting, then ready) while it runs.
   */
  running: boolean;
  /** Lines entered while the prompt could not take them (a command running, the exercise starting): run next, as a terminal would. */
  typedAhead: readonly string[];
}

export type PromptEvent =
  /** An exercise is being (re)opened: its sandbox is reset, so subscribe and monitor mode end on the server. */
  | { type: 'opening' }
  /** The exercise is ready for lines. */
  | { type: 'opened' }
  /** The learner pressed Enter on this line. */
  | { type: 'entered'; line: string }
  /** The line is done; the server's connection is now in this mode. */
  | { type: 'finished'; connection: 'normal' | 'subscribed' | 'monitoring' }
  /** Ctrl-C. `confirmOpen`: a yes/no question is on screen. */
  | { type: 'interrupt'; confirmOpen: boolean }
  /** Out of subscribe or monitor mode again. */
  | { type: 'left' }
  /** The server went away. */
  | { type: 'lost' }
  /** The server is back (the exercise is opened again next). */
  | { type: 'recovered' }
  /** The learner went back to the menu. */
  | { type: 'home' };

export type PromptEffect =
  /** Run this line now. */
  | { type: 'run'; line: string }
  /** Wake the learner's connection from its blocking command. */
  | { type: 'unblock' }
  | { type: 'leave-subscribe' }
  | { type: 'leave-monitor' }
  /** Say that subscribe mode takes only UNSUBSCRIBE (and its kinds) and Ctrl-C. */
  | { type: 'only-unsubscribe' }
  /** Ask whether to quit. */
  | { type: 'ask-quit' }
  /** Take the yes/no question off the screen. */
  | { type: 'dismiss-confirm' };

export interface PromptStep {
  machine: PromptMachine;
  effects: PromptEffect[];
}

/** UNSUBSCRIBE, PUNSUBSCRIBE or SUNSUBSCRIBE as the line's first word: what a subscribed connection may still send. */
const UNSUBSCRIBE_LINE = /^\s*[ps]?unsubscribe(\s|$)/i;

export const INITIAL_PROMPT: PromptMachine = { mode: 'starting', running: false, typedAhead: [] };

export function promptStep(machine: PromptMachine, event: PromptEvent): PromptStep {
  const to = (mode: PromptMode, effects: PromptEffect[] = [], typedAhead = machine.typedAhead, running = machine.running): PromptStep => ({
    machine: { mode, running, typedAhead },
    effects,
  });
  switch (event.type) {
    case 'opening':
      // Lines typed during a command that opened another exercise (`:next` typed ahead) still run there.
      return to('starting');
    case 'opened':
      return drainTypedAhead(to('ready'));
    case 'entered':
      if (machine.mode === 'ready' && !machine.running) return to('busy', [{ type: 'run', line: event.line }], machine.typedAhead, true);
      if (machine.mode === 'ready' || machine.mode === 'busy' || machine.mode === 'starting') return to(machine.mode, [], [...machine.typedAhead, event.line]);
      if (machine.mode === 'subscribed') {
        if (!UNSUBSCRIBE_LINE.test(event.line)) return to('subscribed', [{ type: 'only-unsubscribe' }]);
        if (machine.running) return to('subscribed', [], [...machine.typedAhead, event.line]);
        return to('subscribed', [{ type: 'run', line: event.line }], machine.typedAhead, true);
      }
      // Monitor mode reads no input, as in redis-cli; nor does a prompt waiting for the server to come back.
      return to(machine.mode);
    case 'finished': {
      const done = { ...machine, running: false };
      if (done.mode === 'ready') return drainTypedAhead({ machine: done, effects: [] });
      // The last subscription gone: the connection is back in normal mode.
      if (done.mode === 'subscribed') return drainTypedAhead({ machine: { ...done, mode: event.connection === 'normal' ? 'ready' : 'subscribed' }, effects: [] });
      if (done.mode !== 'busy') return { machine: done, effects: [] };
      if (event.connection === 'subscribed') return { machine: { ...done, mode: 'subscribed' }, effects: [] };
      if (event.connection === 'monitoring') return { machine: { ...done, mode: 'monitoring' }, effects: [] };
      return drainTypedAhead({ machine: { ...done, mode: 'ready' }, effects: [] });
    }
    case 'interrupt':
      switch (machine.mode) {
        case 'busy':
          return to('busy', [{ type: 'unblock' }]);
        case 'subscribed':
          return to('leaving', [{ type: 'leave-subscribe' }]);
        case 'monitoring':
          return to('leaving', [{ type: 'leave-monitor' }]);
        case 'leaving':
          // Already on the way out; a second Ctrl-C must not ask to quit the app.
          return to('leaving');
        default:
          return to(machine.mode, [event.confirmOpen ? { type: 'dismiss-confirm' } : { type: 'ask-quit' }]);
      }
    case 'left':
      return machine.mode === 'leaving' ? drainTypedAhead(to('ready')) : to(machine.mode);
    case 'lost':
      return to('recovering', [], []);
    case 'recovered':
      return machine.mode === 'recovering' ? to('starting') : to(machine.mode);
    case 'home':
      return {
        machine: { mode: 'starting', running: machine.running, typedAhead: [] },
        effects: machine.mode === 'subscribed' ? [{ type: 'leave-subscribe' }] : machine.mode === 'monitoring' ? [{ type: 'leave-monitor' }] : [],
      };
  }
}

/** Ready again and no line running: the first line typed ahead runs now, the rest wait their turn. */
function drainTypedAhead(step: PromptStep): PromptStep {
  const [next, ...rest] = step.machine.typedAhead;
  if (next === undefined || step.machine.running) return step;
  return { machine: { mode: 'busy', running: true, typedAhead: rest }, effects: [...step.effects, { type: 'run', line: next }] };
}
