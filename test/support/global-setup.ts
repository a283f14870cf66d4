import { execFileSync } from 'node:child_process';

const INSTALL_HINT =
  'Install them with: sudo apt-get install -y redis-server redis-tools   (macOS: brew install redis)';

/** The suite runs against real servers only: a missing binary is a loud failure, never a skip. */
export default function checkRedisBinaries(): void {
  for (const binary of ['redis-server', 'redis-cli']) {
    try {
      execFileSync(binary, ['--version'], { stdio: 'pipe' });
    } catch {
      throw new Error(`redis-tutor tests need ${binary} on PATH, and it was not found.\n${INSTALL_HINT}`);
    }
  }
}
