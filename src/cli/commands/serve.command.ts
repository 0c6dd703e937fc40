import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { startServer } from '../../server/start-server.ts';
import { reportCliError } from '../cli-context.ts';
import { formatFirstSignIn } from '../format-first-sign-in.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the HTTP server (API, /docs, web app) and the background workers; an empty database gets the demo organisation unless LEADPACT_DEMO_ON_EMPTY=false')
    .option('--port <port>', 'overrides PORT')
    .option('--no-demo', 'do not load the demo organisation into an empty database')
    .action(async (options: { port?: string; demo: boolean }) => {
      try {
        const env = { ...process.env, ...(options.port ? { PORT: options.port } : {}), ...(options.demo ? {} : { LEADPACT_DEMO_ON_EMPTY: 'false' }) };
        const server = await startServer(loadConfig(env));
        process.stdout.write(`leadpact is running at ${server.url} (database: ${server.database.kind} ${server.database.location}); API docs at ${server.url}/docs\n`);
        if (server.firstSignIn) process.stdout.write(`${formatFirstSignIn(server.firstSignIn, server.url)}\n`);
        const shutdown = () => {
          server.stop().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      } catch (error) {
        process.exitCode = reportCliError(error);
      }
    });
}
