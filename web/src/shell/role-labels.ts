import type { Role } from '../auth/session-query.ts';

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  marketing: 'Marketing',
  sales_manager: 'Sales manager',
  sales_rep: 'Sales rep',
  executive: 'Executive',
};
