import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { EnvironmentError } from '../errors.js';
import { freeLoopbackPort } from './free-port.js';
import { makeLabCertificates } from './lab-certificates.js';
import { PrivateRedisTarget } from './private-server.js';
import type { ConnectionSpec } from './target.js';

/** Where an exercise's TLS port is: what a program needs to connect with rediss:// and trust the lab's CA. */
export interface TlsEndpoint {
  host: string;
  port: number;
  /** The lab CA's certificate (PEM), the one a client must trust. */
  caFile: string;
}

/**
 * The sandbox's spec while an exercise's TLS port is open. It rides on the
 * spec so that everything made from it (a program's tap, its environment)
 * carries it along without a parameter of its own.
 */
type SpecWithTls = ConnectionSpec & { tlsLab?: TlsEndpoint };

/** The TLS port open on the sandbox for this exercise, if any (programs get it as REDIS_TLS_URL and REDIS_TLS_CA). */
export function tlsEndpointOf(spec: ConnectionSpec): TlsEndpoint | undefined {
  return (spec as SpecWithTls).tlsLab;
}

/** The same connection, over the TLS port: `rediss://` with the sandbox's credentials. */
export function tlsSpec(spec: ConnectionSpec, endpoint: TlsEndpoint): ConnectionSpec {
  const { tlsLab: _endpoint, ...plain } = spec as SpecWithTls;
  return { ...plain, host: endpoint.host, port: endpoint.port, tls: true };
}

const PORT_ATTEMPTS = 5;
/** An OpenSSL function every redis-server built with TLS (BUILD_TLS=yes) links against, by name. */
const OPENSSL_SYMBOL = Buffer.from('SSL_CTX_new');
const builtWithTls = new Map<string, boolean>();

/**
 * Whether a redis-server binary has TLS built in. Asked of the file, not of
 * a running server: on a Redis 7.2+ built without TLS, `tls-port` exists
 * and `CONFIG SET tls-port` crashes the server (8.0.2: "Missing implement
 * of connection type tls", then SIGSEGV). A binary with TLS links OpenSSL
 * and so names its functions; one built with BUILD_TLS=no or =module does not.
 */
export function binaryHasTls(binary: string): boolean {
  let known = builtWithTls.get(binary);
  if (known === undefined) {
    try {
      known = readFileSync(binary).includes(OPENSSL_SYMBOL);
    } catch {
      known = false;
    }
    builtWithTls.set(binary, known);
  }
  return known;
}

/**
 * The TLS lab of a private server: for one exercise, a `tls-port` beside the
 * plain port (the tutor keeps using the plain one), with a certificate made
 * for the occasion by a throwaway CA (./lab-certificates.ts) in the server's
 * folder. Set with CONFIG SET, so the server, its data and its clients stay.
 * close() turns the port off; the sandbox's reset puts the certificate
 * settings back to the baseline (the port must be off first: with a TLS port
 * on, Redis refuses an empty certificate file).
 */
export class TlsLab {
  constructor(private readonly server: PrivateRedisTarget) {}

  /** Whether this server can have a TLS port at all; when not, why (for `requires: { tls: true }`). */
  get unsupportedReason(): string | undefined {
    return binaryHasTls(this.server.binary)
      ? undefined
      : `${this.server.binary} was built without TLS (BUILD_TLS=no)`;
  }

  get endpoint(): TlsEndpoint | undefined {
    return tlsEndpointOf(this.server.spec);
  }

  /** Opens the TLS port (again, after a restart); resolves with where it is. */
  async open(checker: Redis): Promise<TlsEndpoint> {
    const unsupported = this.unsupportedReason;
    if (unsupported !== undefined) {
      throw new EnvironmentError(`The TLS lab cannot start: ${unsupported}.`, 'Install a redis-server built with TLS (Debian/Ubuntu redis-server and Homebrew redis are), or skip this exercise.');
    }
    const certificates = await makeLabCertificates(join(this.server.dir, 'tls'));
    for (const [name, value] of [
      ['tls-cert-file', certificates.certFile],
      ['tls-key-file', certificates.keyFile],
      ['tls-ca-cert-file', certificates.caFile],
      // The lab is about the server's certificate; client certificates (mutual TLS) are a step the lesson describes.
      ['tls-auth-clients', 'no'],
    ] as const) {
      await checker.config('SET', name, value);
    }
    let lastError: unknown;
    for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      const port = await freeLoopbackPort();
      try {
        await checker.config('SET', 'tls-port', String(port));
        const endpoint: TlsEndpoint = { host: this.server.spec.host, port, caFile: certificates.caFile };
        (this.server.spec as SpecWithTls).tlsLab = endpoint;
        return endpoint;
      } catch (error) {
        // Someone took the port between the probe and Redis's bind: another one.
        lastError = error;
      }
    }
    throw new EnvironmentError(`redis-server could not open a TLS port: ${String(lastError)}`, 'Something is grabbing ports quickly; try again.');
  }

  /** Turns the TLS port off; a server that is gone or restarted has none to turn off. */
  async close(checker: Redis): Promise<void> {
    const spec = this.server.spec as SpecWithTls;
    if (spec.tlsLab === undefined) return;
    delete spec.tlsLab;
    await checker.config('SET', 'tls-port', '0').catch(() => undefined);
  }
}

const labs = new WeakMap<PrivateRedisTarget, TlsLab>();

/** The TLS lab of a target: only a private server the tutor started from a binary it can look at has one. */
export function tlsLabOf(target: object): TlsLab | undefined {
  if (!(target instanceof PrivateRedisTarget)) return undefined;
  let lab = labs.get(target);
  if (lab === undefined) {
    lab = new TlsLab(target);
    labs.set(target, lab);
  }
  return lab;
}
