import { describe, expect, it } from 'vitest';
import { leadPermissionsFor } from './lead-permissions.ts';

const lead = { ownerId: 'rep-1' };

describe('leadPermissionsFor', () => {
  it('lets a rep move the stage of their own lead only, and nothing else', () => {
    expect(leadPermissionsFor({ id: 'rep-1', role: 'sales_rep' }, lead)).toEqual({ moveStage: true, correctStage: false, reassign: false, junk: false, merge: false, editContact: true, readAudit: false });
    expect(leadPermissionsFor({ id: 'rep-2', role: 'sales_rep' }, lead).moveStage).toBe(false);
    expect(leadPermissionsFor({ id: 'rep-2', role: 'sales_rep' }, lead).editContact).toBe(false);
  });

  it('lets a manager move and reassign, marketing curate but not move, an admin do everything', () => {
    const manager = leadPermissionsFor({ id: 'm', role: 'sales_manager' }, lead);
    expect([manager.moveStage, manager.reassign, manager.junk, manager.correctStage]).toEqual([true, true, false, false]);
    const marketing = leadPermissionsFor({ id: 'mk', role: 'marketing' }, lead);
    expect([marketing.moveStage, marketing.reassign, marketing.junk, marketing.merge, marketing.editContact]).toEqual([false, false, true, true, true]);
    expect(manager.editContact).toBe(true);
    expect(Object.values(leadPermissionsFor({ id: 'a', role: 'admin' }, lead)).every(Boolean)).toBe(true);
    expect(Object.values(leadPermissionsFor({ id: 'e', role: 'executive' }, lead)).some(Boolean)).toBe(false);
  });
});
