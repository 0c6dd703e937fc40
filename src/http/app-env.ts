import type { Logger } from 'pino';
import type { Principal } from '../core/access/principal.ts';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/open-database.ts';
import type { CaptureBatcher } from '../modules/capture/capture-batcher.ts';
import type { JobQueue } from '../modules/jobs/job-queue.ts';

/** What every handler can reach: built once by createApp and shared. */
export interface AppServices {
  config: Config;
  database: DatabaseHandle;
  jobs: JobQueue | null;
  logger: Logger;
  captureBatcher: CaptureBatcher;
  /** The clock; tests pass a fixed one. */
  now(): Date;
}

export interface AppEnv {
  Variables: {
    services: AppServices;
    requestId: string;
    /**
     * Who is calling, set by `authenticate` on every /api request that carries valid credentials
     * (and on the web-form endpoint, as an anonymous form). Read it with `principalOf(c)`, which
     * refuses the request when there is none.
     */
    principal: Principal;
    /** The session token of a cookie-authenticated request (sign-out and password change need it). */
    sessionToken: string;
  };
}
