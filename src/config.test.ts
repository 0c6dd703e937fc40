import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { isAppError } from './errors/app-error.ts';

describe('loadConfig', () => {
  it('runs on the embedded database with no configuration at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: undefined, dataDir: './.leadpact', port: 3000, demoOnEmpty: true });
    expect(Object.isFrozen(config)).toBe(true);
    // Reps see only their own records unless the installation says otherwise.
    expect(config.repsSeeTeam).toBe(false);
    expect(loadConfig({ LEADPACT_REPS_SEE_TEAM: 'true' }).repsSeeTeam).toBe(true);
  });

  it('names the variable at fault', () => {
    let failure: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LEADPACT_DEMO_ON_EMPTY: 'maybe' });
    } catch (error) {
      failure = error;
    }
    expect(isAppError(failure) && failure.issues.map((issue) => issue.path).sort()).toEqual(['DATABASE_URL', 'LEADPACT_DEMO_ON_EMPTY', 'PORT']);
  });
});
