import { RUNS_BESIDE } from '../course/requirement-fit.js';
import type { Language, TopologyField } from '../course/schema.js';
import type { Engine } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import { supervisorFor } from '../engine/requirements.js';
import type { Supervisor } from '../engine/supervisor.js';
import { toTopologySpec } from '../engine/topology/lab-spec.js';
import { openTopologyLab, type TopologyLab } from '../engine/topology/topology-lab.js';
import { PrivateRedisTarget } from '../redis/private-server.js';
import type { Topology } from '../redis/topology/topology.js';
import { nodeNames } from '../redis/topology/topology-spec.js';
import type { Place } from './course-nav.js';
import { labTexts } from './lab-texts.js';
import type { ScreenUpdates } from './screen-updates.js';
import { texts } from './texts.js';

/** What open() found: the exercise runs, a lab is skipped (--url), or another open() came after this one. */
export type OpenOutcome = 'ready' | 'skipped' | 'superseded';

/**
 * Which server the open exercise runs on: the learner's; for an exercise
 * that needs a server the tutor owns while the learner's came from --url,
 * the private one started beside it on first need (src/engine/requirements.ts);
 * for a lab (`topology:`), servers of its own, started when it opens and
 * stopped when the learner leaves it, the way validate and grade run it
 * (src/engine/topology/topology-lab.ts). Recovery stays with the main
 * supervisor; the one beside is closed with it.
 */
export class ExerciseServer {
  private current: Supervisor;
  private openLab: TopologyLab | undefined;
  /** Bumped by every open() and leave(): a lab that finishes starting for an older one is stopped at once. */
  private opens = 0;
  private closed = false;
  private skippedLine: string | undefined;
  /** Labs still starting, so close() can wait for them to be stopped. */
  private readonly starting = new Set<Promise<unknown>>();

  /** `screen`: where its lines (the transcript) and a lab's start (the status line) are shown. */
  constructor(
    private readonly main: Supervisor,
    private readonly screen: ScreenUpdates,
  ) {
    this.current = main;
  }

  get engine(): Engine {
    return this.current.engine;
  }

  /** The open lab's servers; undefined outside a lab. */
  get lab(): Topology | undefined {
    return this.openLab?.topology;
  }

  /** Why the open lab does not run (--url), for a command typed anyway; undefined when it runs. */
  get skipped(): string | undefined {
    return this.skippedLine;
  }

  /** Moves to the exercise's server, and says in one line why when it is the one beside, or why a lab is skipped. */
  async open(place: Place, language: Language): Promise<OpenOutcome> {
    // leave() counts this open before its first await: any open, leave or close after it supersedes this one.
    const left = this.leave();
    const token = this.opens;
    await left;
    if (token !== this.opens || this.closed) return 'superseded';
    const field = place.exercise.topology;
    if (field === undefined) {
      const supervisor = await supervisorFor(this.main, place.module, place.exercise);
      if (token !== this.opens) return 'superseded';
      this.current = supervisor;
      if (this.current !== this.main) this.screen.say('tutor', RUNS_BESIDE[language]);
      return 'ready';
    }
    const kind = field.kind;
    const processes = nodeNames(toTopologySpec(field)).length;
    // A lab's servers are redis-server processes the tutor runs; a --url server is the learner's, not a place for them.
    if (!this.main.target.owned) {
      this.skippedLine = labTexts(language).needsOwnServers(kind, processes);
      this.screen.say('warning', this.skippedLine);
      return 'skipped';
    }
    const status = { text: labTexts(language).starting(kind, processes), tone: 'info' as const };
    this.screen.dispatch({ type: 'notice', notice: status });
    // Cleared unless something else took the status line meanwhile.
    const lab = await this.startLab(field, token).finally(() => this.screen.state.notice === status && this.screen.dispatch({ type: 'notice', notice: undefined }));
    return lab ? 'ready' : 'superseded';
  }

  /** The learner left the exercise: a lab's servers are stopped (a lab still starting is stopped once it has). */
  async leave(): Promise<void> {
    this.opens++;
    this.skippedLine = undefined;
    const lab = this.openLab;
    this.openLab = undefined;
    this.current = this.main;
    // A stop that fails is said, not thrown: the menu does not wait for it, and each process's exit guard remains.
    await lab?.close().catch((error: unknown) => this.screen.say('warning', texts(this.screen.state.language).tutorError(errorMessage(error))));
  }

  /** On quit: every lab stopped, those still starting included. */
  async close(): Promise<void> {
    this.closed = true;
    await this.leave();
    await Promise.allSettled([...this.starting]);
  }

  /** Starts the lab and makes it the current one, unless the learner has gone elsewhere meanwhile: then it is stopped at once. */
  private startLab(field: TopologyField, token: number): Promise<TopologyLab | undefined> {
    const run = (async () => {
      // The lab's servers are the sandbox's redis-server (--redis-server PATH included), not whichever is first on PATH.
      const main = this.main.target;
      const lab = await openTopologyLab(field, this.main, main instanceof PrivateRedisTarget ? { redisServerBin: main.binary } : {});
      if (token !== this.opens || this.closed) {
        await lab.close();
        return undefined;
      }
      this.openLab = lab;
      this.current = lab.supervisor;
      return lab;
    })();
    this.starting.add(run);
    const forget = () => this.starting.delete(run);
    run.then(forget, forget);
    return run;
  }
}
