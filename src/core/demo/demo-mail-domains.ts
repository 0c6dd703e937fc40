/**
 * Mail domains the demo's people use besides their employers'. The pipeline's junk and e-mail-kind
 * checks must know these lists; they are exported so a test can hold them to it.
 */

/** Invented competitors of the demo company; leads from these domains are competitive snooping. */
export const demoCompetitorDomains: readonly string[] = ['funnelwright.io', 'quotaloom.com', 'leadlattice.com'];

export const demoCompetitorNames: Record<string, string> = {
  'funnelwright.io': 'Funnelwright',
  'quotaloom.com': 'Quotaloom',
  'leadlattice.com': 'LeadLattice',
};

/** Global free-mail providers with their rough share among free-mail users. */
export const globalFreeMailDomains: readonly (readonly [string, number])[] = [
  ['gmail.com', 40],
  ['yahoo.com', 12],
  ['outlook.com', 10],
  ['hotmail.com', 10],
  ['icloud.com', 6],
  ['protonmail.com', 2],
];

/** Throw-away inbox providers: any lead from these is junk. */
export const demoDisposableMailDomains: readonly string[] = ['mailinator.com', 'yopmail.com', 'guerrillamail.com', '10minutemail.com', 'trashmail.com', 'sharklasers.com'];

/** Domains where the local part ignores dots and everything after "+" (so j.doe+x@ is jdoe@). */
export const dotInsensitiveMailDomains: readonly string[] = ['gmail.com', 'googlemail.com'];

/**
 * The identity the pipeline's dedupe must see through: lower case, trimmed, and for Gmail no dots
 * and no +tag. The generator keeps real people unique under it.
 */
export function emailIdentity(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  const domain = trimmed.slice(at + 1);
  if (!dotInsensitiveMailDomains.includes(domain)) return trimmed;
  const local = trimmed.slice(0, at).split('+')[0]?.replace(/\./g, '') ?? '';
  return `${local}@${domain}`;
}
