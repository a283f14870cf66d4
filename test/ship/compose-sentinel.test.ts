import { describe, expect, it } from 'vitest';
import { isLoopback, publishedHostIp } from './compose-ports.js';
import { composeServices, isSentinel, PROFILE, profileServices, replicaOf, sentinelMonitor } from './compose-sentinel-profile.js';

/*
 * The course's Docker Compose homework (module 7): docker-compose.yml's
 * `sentinel` profile, a master, a replica and three sentinels. No Docker
 * engine runs here, so it is checked as data; ./compose-sentinel-lab.test.ts
 * starts the same topology on the tutor's own processes.
 */
const dataNodes = profileServices.filter(([, service]) => !isSentinel(service));
const masters = dataNodes.filter(([, service]) => replicaOf(service) === undefined);
const replicas = dataNodes.filter(([, service]) => replicaOf(service) !== undefined);
const sentinels = profileServices.filter(([, service]) => isSentinel(service));

describe(`docker-compose.yml, profile ${PROFILE}`, () => {
  it('has one master, one replica and three sentinels', () => {
    expect(masters).toHaveLength(1);
    expect(replicas).toHaveLength(1);
    expect(sentinels).toHaveLength(3);
  });

  it.each(profileServices)('%s pins redis as the plain redis service does, and publishes on loopback only', (_, service) => {
    expect(service.image).toBe(composeServices['redis']?.image);
    expect(service.ports?.length ?? 0).toBeGreaterThan(0);
    for (const entry of service.ports ?? []) expect({ entry, loopback: isLoopback(publishedHostIp(entry)) }).toEqual({ entry, loopback: true });
  });

  it('the replica replicates the master, on the port the master listens on inside the network', () => {
    const [masterName] = masters[0]!;
    expect(replicaOf(replicas[0]![1])).toEqual({ host: masterName, port: 6379 });
  });

  it('every sentinel monitors the master as mymaster with quorum 2 of 3, and short, equal timeouts', () => {
    const [masterName] = masters[0]!;
    const monitors = sentinels.map(([, service]) => sentinelMonitor(service));
    for (const monitor of monitors) {
      expect(monitor).toMatchObject({ masterHost: masterName, masterPort: 6379, quorum: 2 });
      // A majority of the three must also agree to fail over: 2 is both.
      expect(monitor.quorum).toBeGreaterThan(sentinels.length / 2);
      // Seconds, not Redis's defaults (30 s and 3 min): a learner watches the failover happen.
      expect(monitor.downAfterMs).toBeLessThanOrEqual(5_000);
      expect(monitor.failoverTimeoutMs).toBeLessThanOrEqual(30_000);
    }
    expect(new Set(monitors.map((monitor) => JSON.stringify(monitor))).size).toBe(1);
  });

  it('no two services publish the same host port (the plain redis keeps 6379)', () => {
    const hostPorts = Object.values(composeServices).flatMap((service) => (service.ports ?? []).map((entry) => String(entry).split(':').at(-2)));
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
    expect(composeServices['redis']?.ports).toEqual(['127.0.0.1:6379:6379']);
  });

  it('sits behind its profile, so plain `docker compose up` still starts only redis', () => {
    const withoutProfile = Object.entries(composeServices).filter(([, service]) => !service.profiles?.length).map(([name]) => name);
    expect(withoutProfile).toEqual(['redis']);
    for (const [, service] of profileServices) expect(service.profiles).toEqual([PROFILE]);
  });
});
