import { operatorPrincipal, type Principal } from './principal.ts';

/** Installation-wide switches of the access policy (from the configuration, read once at start). */
export interface AccessSettings {
  /**
   * `LEADPACT_REPS_SEE_TEAM`: sales reps also read — never change — their teammates' leads, accounts
   * and opportunities and their team's unassigned leads. Off by default: a rep sees only their own.
   */
  repsSeeTeam: boolean;
}

export const defaultAccessSettings: AccessSettings = Object.freeze({ repsSeeTeam: false });

/**
 * Who is asking and under which settings: what every use case that reads or changes records takes,
 * so the API, the CLI and any later screen get the same answer from the access policy.
 */
export interface AccessContext {
  principal: Principal;
  settings: AccessSettings;
}

/** The CLI on the database host (and internal jobs): full rights, recorded as the operator. */
export const operatorAccess: AccessContext = Object.freeze({ principal: operatorPrincipal, settings: defaultAccessSettings });
