import { describe, expect, it } from 'vitest';
import { INITIAL_PROMPT, promptStep, type PromptEffect, type PromptEvent, type PromptMachine, type PromptMode } from '../../src/tutor/prompt-mode.js';

const at = (mode: PromptMode, more: Partial<PromptMachine> = {}): PromptMachine => ({ mode, running: false, typedAhead: [], ...more });
const run = (line: string): PromptEffect => ({ type: 'run', line });
const enter = (line: string): PromptEvent => ({ type: 'entered', line });
const ctrlC: PromptEvent = { type: 'interrupt', confirmOpen: false };

describe('the prompt-mode machine', () => {
  const rows: Array<[string, PromptMachine, PromptEvent, PromptMachine, PromptEffect[]]> = [
    ['starts by preparing the exercise', INITIAL_PROMPT, { type: 'opening' }, at('starting'), []],
    ['a ready prompt runs the line', at('ready'), enter('PING'), at('busy', { running: true }), [run('PING')]],
    ['a line while a command runs waits its turn', at('busy', { running: true }), enter('GET x'), at('busy', { running: true, typedAhead: ['GET x'] }), []],
    ['a line while the exercise starts waits too', at('starting'), enter('PING'), at('starting', { typedAhead: ['PING'] }), []],
    ['a line while :next opened the next exercise waits for the first line to finish', at('ready', { running: true }), enter('PING'), at('ready', { running: true, typedAhead: ['PING'] }), []],
    ['subscribe mode runs no other line, and says so', at('subscribed'), enter('PING'), at('subscribed'), [{ type: 'only-unsubscribe' }]],
    ['subscribe mode runs UNSUBSCRIBE, as a client library sends it', at('subscribed'), enter('UNSUBSCRIBE news'), at('subscribed', { running: true }), [run('UNSUBSCRIBE news')]],
    ['…and PUNSUBSCRIBE', at('subscribed'), enter('punsubscribe news:*'), at('subscribed', { running: true }), [run('punsubscribe news:*')]],
    ['…one at a time', at('subscribed', { running: true }), enter('UNSUBSCRIBE b'), at('subscribed', { running: true, typedAhead: ['UNSUBSCRIBE b'] }), []],
    ['…the next once the first is answered', at('subscribed', { running: true, typedAhead: ['UNSUBSCRIBE b'] }), { type: 'finished', connection: 'subscribed' }, at('busy', { running: true }), [run('UNSUBSCRIBE b')]],
    ['a word that only starts like it is not it', at('subscribed'), enter('UNSUBSCRIBEX a'), at('subscribed'), [{ type: 'only-unsubscribe' }]],
    ['UNSUBSCRIBE with subscriptions left: still subscribed', at('subscribed', { running: true }), { type: 'finished', connection: 'subscribed' }, at('subscribed'), []],
    ['UNSUBSCRIBE of the last one: the prompt is back', at('subscribed', { running: true }), { type: 'finished', connection: 'normal' }, at('ready'), []],
    ['monitor mode reads no input', at('monitoring'), enter('PING'), at('monitoring'), []],
    ['nor does a prompt waiting for the server', at('recovering'), enter('PING'), at('recovering'), []],
    ['a finished line brings the prompt back', at('busy', { running: true }), { type: 'finished', connection: 'normal' }, at('ready'), []],
    ['…and runs what was typed ahead, one at a time', at('busy', { running: true, typedAhead: ['A', 'B'] }), { type: 'finished', connection: 'normal' }, at('busy', { running: true, typedAhead: ['B'] }), [run('A')]],
    ['SUBSCRIBE answered: subscribe mode', at('busy', { running: true }), { type: 'finished', connection: 'subscribed' }, at('subscribed'), []],
    ['MONITOR answered OK: monitor mode', at('busy', { running: true }), { type: 'finished', connection: 'monitoring' }, at('monitoring'), []],
    ['a line that opened another exercise finishes while it starts: it stays starting', at('starting', { running: true }), { type: 'finished', connection: 'normal' }, at('starting'), []],
    ['the exercise opened while no line runs: typed-ahead lines run', at('starting', { typedAhead: ['PING'] }), { type: 'opened' }, at('busy', { running: true }), [run('PING')]],
    ['the exercise opened during the line that opened it: typed-ahead waits for that line', at('starting', { running: true, typedAhead: ['PING'] }), { type: 'opened' }, at('ready', { running: true, typedAhead: ['PING'] }), []],
    ['Ctrl-C during a command wakes it', at('busy', { running: true }), ctrlC, at('busy', { running: true }), [{ type: 'unblock' }]],
    ['Ctrl-C in subscribe mode leaves it', at('subscribed'), ctrlC, at('leaving'), [{ type: 'leave-subscribe' }]],
    ['Ctrl-C in monitor mode leaves it', at('monitoring'), ctrlC, at('leaving'), [{ type: 'leave-monitor' }]],
    ['a second Ctrl-C on the way out does not ask to quit', at('leaving'), ctrlC, at('leaving'), []],
    ['Ctrl-C at the prompt asks to quit', at('ready'), ctrlC, at('ready'), [{ type: 'ask-quit' }]],
    ['Ctrl-C with a question open takes it away', at('ready'), { type: 'interrupt', confirmOpen: true }, at('ready'), [{ type: 'dismiss-confirm' }]],
    ['Ctrl-C while the server is away asks to quit', at('recovering'), ctrlC, at('recovering'), [{ type: 'ask-quit' }]],
    ['out of subscribe mode: ready', at('leaving'), { type: 'left' }, at('ready'), []],
    ['a late "left" after the learner moved on changes nothing', at('starting'), { type: 'left' }, at('starting'), []],
    ['the server went away: typed-ahead lines are dropped', at('busy', { running: true, typedAhead: ['PING'] }), { type: 'lost' }, at('recovering', { running: true }), []],
    ['it came back: the exercise starts again', at('recovering'), { type: 'recovered' }, at('starting'), []],
    ['the menu from subscribe mode leaves it', at('subscribed', { typedAhead: [] }), { type: 'home' }, at('starting'), [{ type: 'leave-subscribe' }]],
    ['the menu from monitor mode leaves it', at('monitoring'), { type: 'home' }, at('starting'), [{ type: 'leave-monitor' }]],
    ['the menu drops typed-ahead lines', at('ready', { running: true, typedAhead: ['PING'] }), { type: 'home' }, at('starting', { running: true }), []],
  ];
  it.each(rows)('%s', (_name, from, event, to, effects) => {
    expect(promptStep(from, event)).toEqual({ machine: to, effects });
  });

  it('never runs two lines at once, whatever the order of events', () => {
    // Every sequence of up to 5 events from a ready prompt: a 'run' effect only when no line is running.
    const events: PromptEvent[] = [enter('X'), { type: 'finished', connection: 'normal' }, { type: 'opening' }, { type: 'opened' }, ctrlC, { type: 'left' }];
    const walk = (machine: PromptMachine, running: number, depth: number): void => {
      if (depth === 0) return;
      for (const event of events) {
        // A 'finished' only ever follows a run.
        if (event.type === 'finished' && running === 0) continue;
        const step = promptStep(machine, event);
        const started = step.effects.filter((effect) => effect.type === 'run').length;
        const now = running - (event.type === 'finished' ? 1 : 0) + started;
        expect(now).toBeLessThanOrEqual(1);
        expect(step.machine.running).toBe(now === 1);
        walk(step.machine, now, depth - 1);
      }
    };
    walk(at('ready'), 0, 5);
  });
});
