import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { freePort } from '../../support/test-server.js';
import { waitUntil } from '../../support/wait-until.js';

/**
 * A redis-server that speaks only TLS, with a self-signed certificate for
 * 127.0.0.1 made by openssl. Throws with the install hint where either cannot
 * do it (no openssl, a redis-server built without TLS): tests never skip.
 */
export interface TlsTestServer {
  port: number;
  /** The certificate, to trust through NODE_EXTRA_CA_CERTS. */
  caFile: string;
  stop(): Promise<void>;
}

const TLS_HINT = 'These tests need openssl and a redis-server built with TLS, as Debian\'s is: apt-get install -y openssl redis-server';

export async function startTlsTestServer(): Promise<TlsTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-tutor-tls-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
    { stdio: 'ignore' },
  );
  if (made.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`openssl could not make a test certificate. ${TLS_HINT}`);
  }
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', '0', '--tls-port', String(port), '--tls-cert-file', cert, '--tls-key-file', key, '--tls-ca-cert-file', cert, '--tls-auth-clients', 'no', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const up = await waitUntil(async () => (child.exitCode !== null ? 'exited' : (await tlsAnswers(port, cert)) && 'up'), 'the TLS redis-server to answer');
  if (up === 'exited') {
    await stop();
    throw new Error(`redis-server would not start with --tls-port. ${TLS_HINT}`);
  }
  return { port, caFile: cert, stop };
}

function tlsAnswers(port: number, ca: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, ca: [readFileSync(ca, 'utf8')] });
    socket.once('secureConnect', () => socket.write('PING\r\n'));
    socket.once('data', (data: Buffer) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
