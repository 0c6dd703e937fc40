import type { DemoTeam, DemoUser } from './demo-organisation.ts';
import { nameForEmail, pickPersonName, type NameCulture } from './demo-person-names.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Team names the default pact routes to — they must match it exactly. */
export const demoTeams: readonly DemoTeam[] = [
  { key: 'field-sales', name: 'Field Sales', accountClass: 'field' },
  { key: 'inside-sales', name: 'Inside Sales', accountClass: 'inside' },
  { key: 'digital-sales', name: 'Digital Sales', accountClass: 'marketing_led' },
];

export const demoEmailDomain = 'demo.leadpact.dev';

/** The people a newcomer can sign in as; their e-mails are documented and never change with the seed. */
export const demoSignInUsers = {
  admin: 'riley-admin',
  marketing: 'morgan-marketing',
  salesManager: 'sam-manager',
  salesRep: 'robin-rep',
} as const;

const executiveKey = 'exec-1';

interface RepPlan {
  teamKey: string;
  count: number;
  capacity: readonly [number, number];
  managerKey: string;
}

const repPlans: readonly RepPlan[] = [
  { teamKey: 'field-sales', count: 7, capacity: [40, 80], managerKey: 'field-manager' },
  { teamKey: 'inside-sales', count: 11, capacity: [80, 150], managerKey: demoSignInUsers.salesManager },
  { teamKey: 'digital-sales', count: 7, capacity: [150, 300], managerKey: 'digital-manager' },
];

const staffCultures: readonly (readonly [NameCulture, number])[] = [
  ['anglo', 40], ['hispanic', 10], ['indian', 8], ['chinese', 6], ['west_african', 6], ['german', 5], ['french', 5],
  ['nordic', 4], ['italian', 4], ['slavic', 4], ['korean', 3], ['arabic', 3], ['dutch', 3], ['vietnamese', 2],
];

const DAY_MS = 86_400_000;

function startOfUtcDay(instant: Date): number {
  return Math.floor(instant.getTime() / DAY_MS) * DAY_MS;
}

/**
 * The demo staff: an admin, three marketers, an executive, one manager per team and 25 reps with
 * capacities and round-robin weights. Two reps are away until after `now` and one came back before it.
 */
export function generateDemoStaff(random: SeededRandom, now: Date): DemoUser[] {
  const takenEmails = new Set<string>();
  const user = (fields: Omit<DemoUser, 'capacity' | 'weight' | 'awayUntil'> & Partial<DemoUser>): DemoUser => {
    takenEmails.add(fields.email);
    return { capacity: 0, weight: 1, awayUntil: null, ...fields };
  };
  const generatedPerson = (): { name: string; email: string } => {
    for (;;) {
      const person = pickPersonName(random, staffCultures);
      const email = `${nameForEmail(person.firstName)}.${nameForEmail(person.lastName)}@${demoEmailDomain}`;
      if (!takenEmails.has(email)) return { name: `${person.firstName} ${person.lastName}`, email };
    }
  };

  const users: DemoUser[] = [
    user({ key: demoSignInUsers.admin, email: `admin@${demoEmailDomain}`, name: 'Riley Admin', role: 'admin', teamKey: null, managerKey: null }),
    user({ key: executiveKey, ...generatedPerson(), role: 'executive', teamKey: null, managerKey: null }),
    user({ key: demoSignInUsers.marketing, email: `morgan@${demoEmailDomain}`, name: 'Morgan Marketing', role: 'marketing', teamKey: null, managerKey: executiveKey }),
    user({ key: 'marketing-2', ...generatedPerson(), role: 'marketing', teamKey: null, managerKey: demoSignInUsers.marketing }),
    user({ key: 'marketing-3', ...generatedPerson(), role: 'marketing', teamKey: null, managerKey: demoSignInUsers.marketing }),
    user({ key: 'field-manager', ...generatedPerson(), role: 'sales_manager', teamKey: 'field-sales', managerKey: executiveKey }),
    user({ key: demoSignInUsers.salesManager, email: `sam@${demoEmailDomain}`, name: 'Sam Manager', role: 'sales_manager', teamKey: 'inside-sales', managerKey: executiveKey }),
    user({ key: 'digital-manager', ...generatedPerson(), role: 'sales_manager', teamKey: 'digital-sales', managerKey: executiveKey }),
  ];

  const roundTo = (value: number, step: number) => Math.round(value / step) * step;
  for (const plan of repPlans) {
    for (let index = 1; index <= plan.count; index += 1) {
      const isRobin = plan.teamKey === 'inside-sales' && index === 1;
      const identity = isRobin ? { name: 'Robin Rep', email: `robin@${demoEmailDomain}` } : generatedPerson();
      users.push(
        user({
          key: isRobin ? demoSignInUsers.salesRep : `${plan.teamKey.replace('-sales', '')}-rep-${index}`,
          ...identity,
          role: 'sales_rep',
          teamKey: plan.teamKey,
          managerKey: plan.managerKey,
          capacity: roundTo(random.between(plan.capacity[0], plan.capacity[1]), 5),
          weight: random.int(1, 3),
        }),
      );
    }
  }

  // Away reps are fixed by position (never Robin, who must be signed in as and receive leads).
  const today = startOfUtcDay(now);
  const setAway = (key: string, awayUntil: Date) => {
    const rep = users.find((candidate) => candidate.key === key);
    if (rep !== undefined) rep.awayUntil = awayUntil;
  };
  setAway('field-rep-3', new Date(today + random.int(4, 10) * DAY_MS));
  setAway('digital-rep-5', new Date(today + random.int(11, 20) * DAY_MS));
  setAway('inside-rep-6', new Date(today - random.int(10, 30) * DAY_MS));
  return users;
}
