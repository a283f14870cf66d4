import { russianPlural } from '../course/localize.js';
import type { Language } from '../course/schema.js';

/**
 * What the TUI says about a lab (an exercise with `topology:`), in both
 * course languages. Node names, roles (master, replica, sentinel) and
 * addresses are Redis's words and the lab's, and are not translated.
 */
export interface LabTexts {
  /** The status line while the lab's servers start. */
  starting(kind: string, processes: number): string;
  /** The one line a lab shows under --url, where it does not run. */
  needsOwnServers(kind: string, processes: number): string;
  /** `connect HOST PORT` to an address that is not one of the lab's nodes. */
  notALabNode(address: string, nodes: string): string;
  /** `connect NAME` with a name the lab does not have. */
  unknownNode(name: string, nodes: string): string;
  panelTitle(kind: string): string;
  /** Beside the node the prompt is on. */
  youAreHere: string;
  down: string;
  paused: string;
  notAnswering: string;
  offset(offset: number): string;
  lag(seconds: number): string;
  link(state: string): string;
  replicas(count: number): string;
  otherSentinels(count: number): string;
  seesMaster(address: string): string;
  seesNoMaster: string;
  slots(ranges: string): string;
  noSlots: string;
  clusterState(state: string): string;
}

const EN: LabTexts = {
  starting: (kind, processes) => `starting the lab: ${processes} redis-server processes (${kind})…`,
  needsOwnServers: (kind, processes) =>
    `This lab needs servers the tutor starts itself (${kind}: ${processes} redis-server processes), so with --url it is skipped: run redis-tutor start without --url to do it. :next goes on.`,
  notALabNode: (address, nodes) => `${address} is not a server of this lab; its nodes: ${nodes}.`,
  unknownNode: (name, nodes) => `This lab has no node called ${name}; its nodes: ${nodes}.`,
  panelTitle: (kind) => `Lab · ${kind}`,
  youAreHere: 'your prompt',
  down: 'down',
  paused: 'paused',
  notAnswering: 'not answering',
  offset: (offset) => `offset ${offset}`,
  lag: (seconds) => `lag ${seconds} s`,
  link: (state) => `link ${state}`,
  replicas: (count) => `${count} ${count === 1 ? 'replica' : 'replicas'}`,
  otherSentinels: (count) => `${count} other ${count === 1 ? 'sentinel' : 'sentinels'}`,
  seesMaster: (address) => `master at ${address}`,
  seesNoMaster: 'no master known',
  slots: (ranges) => `slots ${ranges}`,
  noSlots: 'no slots',
  clusterState: (state) => `cluster ${state}`,
};

const RU: LabTexts = {
  starting: (kind, processes) => `запускаю лабораторию: ${processes} ${russianPlural(processes, 'процесс', 'процесса', 'процессов')} redis-server (${kind})…`,
  needsOwnServers: (kind, processes) =>
    `Этой лаборатории нужны серверы, которые тренажёр запускает сам (${kind}: ${processes} ${russianPlural(processes, 'процесс', 'процесса', 'процессов')} redis-server), поэтому с --url она пропущена: чтобы её пройти, запустите redis-tutor start без --url. :next — дальше.`,
  notALabNode: (address, nodes) => `${address} — не сервер этой лаборатории; её узлы: ${nodes}.`,
  unknownNode: (name, nodes) => `В этой лаборатории нет узла ${name}; её узлы: ${nodes}.`,
  panelTitle: (kind) => `Лаборатория · ${kind}`,
  youAreHere: 'ваша строка',
  down: 'остановлен',
  paused: 'приостановлен',
  notAnswering: 'не отвечает',
  offset: (offset) => `смещение ${offset}`,
  lag: (seconds) => `отставание ${seconds} с`,
  link: (state) => `связь ${state}`,
  replicas: (count) => `${count} ${russianPlural(count, 'реплика', 'реплики', 'реплик')}`,
  otherSentinels: (count) => `ещё ${count} sentinel`,
  seesMaster: (address) => `мастер на ${address}`,
  seesNoMaster: 'мастер неизвестен',
  slots: (ranges) => `слоты ${ranges}`,
  noSlots: 'нет слотов',
  clusterState: (state) => `кластер ${state}`,
};

export function labTexts(language: Language): LabTexts {
  return language === 'ru' ? RU : EN;
}
