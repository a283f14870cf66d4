import type { BilingualText } from '../results/check-result.js';

/** What set an actor off: the trigger of the exercise format, as data. */
export type ActorTriggerName = 'blocked' | 'subscribed' | `after ${string}` | `printed ${string}`;

/** The tutor played the other client; the TUI shows `say`, tests and reports may show the rest. */
export interface ActorEvent {
  type: 'actor';
  /** Position of the actor in the exercise. */
  actor: number;
  trigger: ActorTriggerName;
  say: BilingualText;
  lines: string[];
  /** Each line's reply, formatted for people; errors as `(error) ...`. */
  replies: string[];
}

export type AttemptEvent = ActorEvent;
