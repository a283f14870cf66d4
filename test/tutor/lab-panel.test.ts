import { describe, expect, it } from 'vitest';
import { ownSlots, parseReplicaLinks, type NodeView } from '../../src/redis/topology/topology-view.js';
import { labPanelNodes } from '../../src/tutor/lab-panel.js';

/* What the panel makes of the nodes' own words: INFO replication, CLUSTER NODES, and the view read from them. */
describe('reading a lab for the panel', () => {
  it.each([
    { info: '# Replication\r\nrole:master\r\nconnected_slaves:0\r\nmaster_repl_offset:0\r\n', links: [] },
    {
      info: '# Replication\r\nrole:master\r\nconnected_slaves:2\r\nslave0:ip=127.0.0.1,port=41235,state=online,offset=1234,lag=0\r\nslave1:ip=127.0.0.1,port=41236,state=wait_bgsave,offset=0,lag=7\r\n',
      links: [
        { address: '127.0.0.1:41235', offset: 1234, lag: 0 },
        { address: '127.0.0.1:41236', offset: 0, lag: 7 },
      ],
    },
  ])('reads the replicas a master reports: $links.length', ({ info, links }) => {
    expect(parseReplicaLinks(info)).toEqual(links);
  });

  it.each([
    { what: 'a master with a range', line: 'abc 127.0.0.1:40021@50021 myself,master - 0 0 1 connected 0-5460', slots: ['0-5460'] },
    { what: 'single slots and a migration left out', line: 'abc 127.0.0.1:40021@50021 myself,master - 0 0 1 connected 0-99 100 [101->-def]', slots: ['0-99', '100'] },
    { what: 'a replica', line: 'abc 127.0.0.1:40024@50024 myself,slave def 0 0 1 connected', slots: [] },
  ])('reads $what from CLUSTER NODES', ({ line, slots }) => {
    const other = 'def 127.0.0.1:40022@50022 master - 0 1700000000000 2 connected 5461-10921';
    expect(ownSlots(`${other}\n${line}\n`)).toEqual(slots);
  });

  it('gives each replica the lag its master reports, and keeps what is down, paused or silent', () => {
    const view: NodeView[] = [
      { name: 'master', declared: 'master', address: '127.0.0.1:40001', state: 'up', live: { kind: 'master', replicas: ['127.0.0.1:40002'], offset: 99 }, links: [{ address: '127.0.0.1:40002', offset: 98, lag: 2 }] },
      { name: 'replica-1', declared: 'replica', address: '127.0.0.1:40002', state: 'up', live: { kind: 'replica', master: '127.0.0.1:40001', link: 'connected', offset: 98 } },
      { name: 'replica-2', declared: 'replica', address: '127.0.0.1:40003', state: 'paused' },
      { name: 'sentinel-1', declared: 'sentinel', address: '127.0.0.1:40010', state: 'up', live: { kind: 'sentinel', master: '127.0.0.1:40001' }, sentinel: { otherSentinels: 2, replicas: 2 } },
      { name: 'sentinel-2', declared: 'sentinel', address: '127.0.0.1:40011', state: 'not-answering', reason: 'no answer within 2000 ms' },
      { name: 'node-1', declared: 'cluster-node', address: '127.0.0.1:40021', state: 'up', live: { kind: 'master', replicas: [], offset: 0 }, cluster: { state: 'ok', knownNodes: 6 }, slots: ['0-5460'] },
    ];
    expect(labPanelNodes(view)).toEqual([
      { name: 'master', port: 40001, state: 'up', role: 'master', offset: 99, replicas: 1 },
      { name: 'replica-1', port: 40002, state: 'up', role: 'replica', offset: 98, lag: 2, master: '127.0.0.1:40001', link: 'connected' },
      { name: 'replica-2', port: 40003, state: 'paused' },
      { name: 'sentinel-1', port: 40010, state: 'up', role: 'sentinel', master: '127.0.0.1:40001', sentinel: { otherSentinels: 2, replicas: 2 } },
      { name: 'sentinel-2', port: 40011, state: 'not-answering' },
      { name: 'node-1', port: 40021, state: 'up', role: 'master', offset: 0, replicas: 0, slots: ['0-5460'], clusterState: 'ok' },
    ]);
  });
});
