import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { labTexts } from '../../src/tutor/lab-texts.js';
import type { TopologyPanel } from '../../src/tutor/state/topology-panel.js';
import { texts } from '../../src/tutor/texts.js';
import { panelLines } from '../../src/ui/components/DataPanel.js';
import { topologyLines } from '../../src/ui/components/topology-lines.js';
import { fixtureCourse, renderTui, tick } from './support/render-tui.js';

const plain = new Chalk({ level: 0 });

const replication: TopologyPanel = {
  kind: 'replication',
  learnerAt: 'replica-1',
  nodes: [
    { name: 'master', port: 40001, state: 'up', role: 'master', offset: 1234, replicas: 2 },
    { name: 'replica-1', port: 40002, state: 'up', role: 'replica', offset: 1234, lag: 0, master: '127.0.0.1:40001', link: 'connected' },
    { name: 'replica-2', port: 40003, state: 'up', role: 'replica', offset: 1100, lag: 3, master: '127.0.0.1:40001', link: 'sync' },
  ],
};

const afterFailover: TopologyPanel = {
  kind: 'sentinel',
  learnerAt: 'sentinel-1',
  nodes: [
    { name: 'master', port: 40001, state: 'down' },
    { name: 'replica-1', port: 40002, state: 'up', role: 'master', offset: 9000, replicas: 0 },
    { name: 'sentinel-1', port: 40010, state: 'up', role: 'sentinel', master: '127.0.0.1:40002', sentinel: { otherSentinels: 2, replicas: 1 } },
    { name: 'sentinel-2', port: 40011, state: 'paused' },
    { name: 'sentinel-3', port: 40012, state: 'up', role: 'sentinel', sentinel: { otherSentinels: 1, replicas: 0 } },
  ],
};

const cluster: TopologyPanel = {
  kind: 'cluster',
  learnerAt: 'node-3',
  nodes: [
    { name: 'node-1', port: 40021, state: 'up', role: 'master', offset: 56, replicas: 1, slots: ['0-5460'], clusterState: 'ok' },
    { name: 'node-2', port: 40022, state: 'up', role: 'master', offset: 56, replicas: 1, slots: ['5461-10921'], clusterState: 'ok' },
    { name: 'node-3', port: 40023, state: 'up', role: 'master', offset: 56, replicas: 1, slots: ['10922-16383'], clusterState: 'ok' },
    { name: 'node-4', port: 40024, state: 'up', role: 'replica', offset: 56, master: '127.0.0.1:40021', link: 'connected', clusterState: 'ok' },
  ],
};

const unjoined: TopologyPanel = {
  kind: 'cluster',
  nodes: [
    { name: 'node-1', port: 40031, state: 'up', role: 'master', replicas: 0, clusterState: 'fail' },
    { name: 'node-2', port: 40032, state: 'not-answering' },
  ],
};

const single: TopologyPanel = { kind: 'single', learnerAt: 'server', nodes: [{ name: 'server', port: 40041, state: 'up', role: 'master', offset: 0, replicas: 0 }] };

describe('the topology in the data panel', () => {
  it.each([
    {
      what: 'replication: offsets, lag as the master reports it, a link not yet up, the node the prompt is on',
      panel: replication,
      width: 46,
      expected: [
        'Lab · replication',
        '  master     :40001  master',
        '    offset 1234 · 2 replicas',
        '▸ replica-1  :40002  replica',
        '    → 127.0.0.1:40001 · offset 1234 · lag 0 s',
        '  replica-2  :40003  replica',
        '    → 127.0.0.1:40001 · offset 1100 · lag 3 s',
        '    link sync',
        '▸ your prompt',
      ],
    },
    {
      what: 'sentinel after a failover: the old master down, the sentinels naming the new one and what they know, a paused one',
      panel: afterFailover,
      width: 62,
      expected: [
        'Lab · sentinel',
        '  master      :40001  down',
        '  replica-1   :40002  master',
        '▸ sentinel-1  :40010  sentinel',
        '    master at 127.0.0.1:40002 · 2 other sentinels · 1 replica',
        '  sentinel-2  :40011  paused',
        '  sentinel-3  :40012  sentinel',
        '    no master known · 1 other sentinel · 0 replicas',
        '▸ your prompt',
      ],
    },
    {
      what: 'cluster: each master\'s slot ranges, a replica\'s master',
      panel: cluster,
      width: 46,
      expected: [
        'Lab · cluster',
        '  node-1  :40021  master',
        '    offset 56 · 1 replica · slots 0-5460',
        '  node-2  :40022  master',
        '    offset 56 · 1 replica · slots 5461-10921',
        '▸ node-3  :40023  master',
        '    offset 56 · 1 replica · slots 10922-16383',
        '  node-4  :40024  replica',
        '    → 127.0.0.1:40021 · offset 56',
        '▸ your prompt',
      ],
    },
    {
      what: 'a cluster not yet joined: no slots, its state, a node that does not answer; nobody\'s prompt on it',
      panel: unjoined,
      width: 44,
      expected: ['Lab · cluster', '  node-1  :40031  master', '    no slots · cluster fail', '  node-2  :40032  not answering'],
    },
    {
      what: 'a single server: no replication numbers to show',
      panel: single,
      width: 44,
      expected: ['Lab · single', '▸ server  :40041  master', '▸ your prompt'],
    },
  ])('$what', ({ panel, width, expected }) => {
    const lines = topologyLines(panel, { width, height: 30 }, plain, labTexts('en'));
    expect(lines).toEqual(expected);
  });

  it.each([
    { width: 24, height: 30 },
    { width: 30, height: 30 },
    { width: 40, height: 6 },
  ])('keeps to $width columns and $height rows, saying how many nodes did not fit', ({ width, height }) => {
    const lines = topologyLines(afterFailover, { width, height }, plain, labTexts('en'));
    expect(lines.length).toBeLessThanOrEqual(height);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    if (height < 10) expect(lines.at(-1)).toMatch(/^… \+\d$/);
  });

  it('breaks a node\'s details between them, under the node, and a detail wider than the line at its spaces', () => {
    const lines = topologyLines(afterFailover, { width: 30, height: 30 }, plain, labTexts('en'));
    const at = lines.indexOf('▸ sentinel-1  :40010  sentinel');
    expect(lines.slice(at + 1, at + 4)).toEqual(['    master at 127.0.0.1:40002', '    2 other sentinels', '    1 replica']);
    const narrow = topologyLines(afterFailover, { width: 20, height: 30 }, plain, labTexts('en'));
    expect(narrow.slice(narrow.findIndex((line) => line.startsWith('▸ sentinel-1')) + 1).slice(0, 3)).toEqual(['    master at', '    127.0.0.1:40002', '    2 other']);
  });

  it('speaks Russian, the roles and addresses staying Redis\'s words', () => {
    const lines = topologyLines(afterFailover, { width: 70, height: 30 }, plain, labTexts('ru'));
    expect(lines).toEqual([
      'Лаборатория · sentinel',
      '  master      :40001  остановлен',
      '  replica-1   :40002  master',
      '▸ sentinel-1  :40010  sentinel',
      '    мастер на 127.0.0.1:40002 · ещё 2 sentinel · 1 реплика',
      '  sentinel-2  :40011  приостановлен',
      '  sentinel-3  :40012  sentinel',
      '    мастер неизвестен · ещё 1 sentinel · 0 реплик',
      '▸ ваша строка',
    ]);
  });

  it('is what the data panel shows while a lab is open, instead of keys', () => {
    const lines = panelLines({ snapshots: [], pinned: [], topology: replication }, { width: 44, height: 20, now: 0, language: 'en' }, plain, texts('en'));
    expect(lines[0]).toBe('Lab · replication');
  });

  it('takes the panel\'s place beside the lesson on the exercise screen', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({
      course,
      columns: 140,
      rows: 40,
      actions: [
        { type: 'exercise-opened', exerciseId: 'getting-started/first-key' },
        { type: 'prompt-text', text: '127.0.0.1:40023> ' },
        { type: 'prompt-mode', mode: 'ready' },
        { type: 'panel', panel: { snapshots: [], pinned: [], topology: cluster } },
      ],
    });
    await tick();
    const frame = tui.lastFrame();
    expect(frame).toMatch(/ Lab · cluster\n/);
    expect(frame).toContain("▸ node-3  :40023  master\n");
    expect(frame).toMatch(/ {4}offset 56 · 1 replica · slots 10922-16383\n/);
    expect(frame).toMatch(/\n127\.0\.0\.1:40023>/);
    tui.unmount();
  });
});
