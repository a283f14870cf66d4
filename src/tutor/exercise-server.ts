import { RUNS_BESIDE } from '../course/requirement-fit.js';
import type { Language } from '../course/schema.js';
import type { Engine } from '../engine/engine.js';
import { supervisorFor } from '../engine/requirements.js';
import type { Supervisor } from '../engine/supervisor.js';
import type { Place } from './course-nav.js';

/**
 * Which server the open exercise runs on: the learner's, or for an exercise
 * that needs a server the tutor owns while the learner's came from --url,
 * the private one started beside it on first need (src/engine/requirements.ts).
 * Recovery stays with the main supervisor; the one beside is closed with it.
 */
export class ExerciseServer {
  private current: Supervisor;

  /** `say`: shows the learner one line (the exercise screen's transcript). */
  constructor(
    private readonly main: Supervisor,
    private readonly say: (note: string) => void,
  ) {
    this.current = main;
  }

  get engine(): Engine {
    return this.current.engine;
  }

  /** Moves to the exercise's server, and says in one line why when it is the one beside. */
  async open(place: Place, language: Language): Promise<void> {
    this.current = await supervisorFor(this.main, place.module, place.exercise);
    if (this.current !== this.main) this.say(RUNS_BESIDE[language]);
  }
}
