// Runs `npm ci` only when node_modules was not installed from the current package-lock.json, so a
// Maven build does not reinstall (and need the network) every time. The lockfile's SHA-256 is
// remembered in node_modules/.lock-sha256 after a successful install.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = readFileSync('package-lock.json');
const sha = createHash('sha256').update(lock).digest('hex');
const stamp = 'node_modules/.lock-sha256';
if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === sha) {
  console.log('node_modules matches package-lock.json; npm ci skipped');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { stdio: 'inherit' });
if (run.status !== 0) {
  console.error(`npm ci failed (exit ${run.status}); the npm registry must be reachable or its cache filled`);
  process.exit(run.status ?? 1);
}
writeFileSync(stamp, sha + '\n');
