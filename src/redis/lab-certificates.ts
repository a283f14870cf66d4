import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentError } from '../errors.js';

/** The files a TLS lab needs: the CA a client trusts, and the server's certificate and key it signed. */
export interface LabCertificates {
  caFile: string;
  certFile: string;
  keyFile: string;
}

/** A day is plenty: the folder is thrown away with the server. */
const VALID_DAYS = '1';
const OPENSSL_TIMEOUT_MS = 20_000;

/**
 * A throwaway certificate authority and a server certificate it signed,
 * made with the `openssl` command line as an operator would, in `dir`
 * (a private server's throwaway folder). The server certificate names
 * 127.0.0.1 and localhost, so a client that checks the host name (ioredis,
 * redis-cli) accepts it. P-256 keys: made in milliseconds, unlike RSA.
 * Made once per folder; a second call returns the files already there.
 */
export async function makeLabCertificates(dir: string, openssl = 'openssl'): Promise<LabCertificates> {
  const files = { caFile: join(dir, 'ca.crt'), certFile: join(dir, 'redis.crt'), keyFile: join(dir, 'redis.key') };
  if (Object.values(files).every((file) => existsSync(file))) return files;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caKey = join(dir, 'ca.key');
  const request = join(dir, 'redis.csr');
  const extensions = join(dir, 'redis.ext');
  writeFileSync(extensions, 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run(openssl, ['req', '-x509', ...ec, '-keyout', caKey, '-out', files.caFile, '-days', VALID_DAYS, '-subj', '/CN=redis-tutor lab CA']);
  await run(openssl, ['req', '-new', ...ec, '-keyout', files.keyFile, '-out', request, '-subj', '/CN=localhost']);
  await run(openssl, [
    'x509', '-req', '-in', request, '-CA', files.caFile, '-CAkey', caKey, '-CAcreateserial',
    '-out', files.certFile, '-days', VALID_DAYS, '-extfile', extensions,
  ]);
  return files;
}

function run(openssl: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(openssl, args, { timeout: OPENSSL_TIMEOUT_MS }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(
        new EnvironmentError(
          missing ? `openssl was not found: the TLS lab makes its certificates with it.` : `openssl ${args[0]} failed: ${String(stderr).trim() || error.message}`,
          missing ? 'Install OpenSSL (sudo apt-get install openssl, or brew install openssl) and try again.' : 'Check that `openssl version` runs; OpenSSL 1.1.1 or newer is needed.',
        ),
      );
    });
  });
}
