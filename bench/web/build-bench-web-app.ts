import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebApp } from '../../scripts/build-web-if-stale.ts';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the web app into `outDir` from the working tree — what the server next to it runs. Others
 * edit the same checkout, so that build can fail half-way through someone's change; then the web app
 * of the last commit is built instead (exported under the git-ignored .tmp/, where the project's
 * node_modules still resolve) and the returned note says so.
 */
export function buildBenchWebApp(outDir: string): { source: string } {
  try {
    buildWebApp({ outDir, quiet: true });
    return { source: 'the working tree' };
  } catch (error) {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repositoryRoot, encoding: 'utf8' }).trim();
    process.stderr.write(`[web] the working tree's web app does not build (${(error as Error).message}); building the last commit's (${commit}) instead\n`);
    const snapshot = join(repositoryRoot, '.tmp', `bench-web-${process.pid}`);
    rmSync(snapshot, { recursive: true, force: true });
    mkdirSync(snapshot, { recursive: true });
    try {
      // The web app imports the pact's wording from src/core, so src comes along.
      const archive = spawnSync('git', ['archive', '--format=tar', 'HEAD', 'web', 'src'], { cwd: repositoryRoot, maxBuffer: 1024 ** 3 });
      if (archive.status !== 0) throw new Error(`git archive failed: ${archive.stderr.toString()}`);
      execFileSync('tar', ['-x', '-C', snapshot], { input: archive.stdout });
      const vite = join(repositoryRoot, 'node_modules', 'vite', 'bin', 'vite.js');
      const build = spawnSync(process.execPath, [vite, 'build', join(snapshot, 'web'), '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], { cwd: repositoryRoot, stdio: 'inherit' });
      if (build.status !== 0) throw new Error(`the last commit's web app does not build either (vite exited with ${build.status ?? build.signal})`);
      return { source: `the last commit (${commit}): the working tree's web app did not build` };
    } finally {
      rmSync(snapshot, { recursive: true, force: true });
    }
  }
}
