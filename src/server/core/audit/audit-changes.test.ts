// The readable change list: names instead of ids, custom field labels, nested fields, bookkeeping hidden, secrets masked.
import { describe, expect, it } from 'vitest';
import { fieldChanges, MASK } from './audit-changes.js';

const ctx = { userNames: new Map([['u1', 'Li Wei'], ['u2', 'Olivia']]), customFieldLabels: { vip_level: 'VIP level' } };

describe('fieldChanges', () => {
  it('says names, labels and nested fields, never ids or bookkeeping', () => {
    const changes = fieldChanges(
      { ownerId: 'u1', ownerName: 'Li Wei', stageId: 's1', stageName: 'Qualify', position: 1, updatedAt: 'a', customFields: { vip_level: null }, address: { city: 'Hangzhou' }, assignmentExplanation: '[]', assignmentSteps: null },
      { ownerId: 'u2', ownerName: 'Olivia', stageId: 's2', stageName: 'Proposal', position: 2, updatedAt: 'b', customFields: { vip_level: 'gold' }, address: { city: 'Shanghai' }, assignmentExplanation: '[{"rule":"x"}]', assignmentSteps: '[{"kind":"ruleMatched","params":{}}]' },
      ctx,
    );
    expect(changes).toEqual([
      { field: 'owner', label: null, before: 'Li Wei', after: 'Olivia' },
      { field: 'stage', label: null, before: 'Qualify', after: 'Proposal' },
      { field: 'custom.vip_level', label: 'VIP level', before: null, after: 'gold' },
      { field: 'address.city', label: null, before: 'Hangzhou', after: 'Shanghai' },
    ]);
  });

  it('looks up an owner without a name beside it, lists people by name and masks secrets', () => {
    expect(fieldChanges({ ownerId: 'u1', contacts: [{ contactId: 'c1', displayName: 'Ann' }], apiToken: 'abc' }, { ownerId: 'u2', contacts: [{ contactId: 'c1', displayName: 'Ann' }, { contactId: 'c2', displayName: 'Bo' }], apiToken: 'def' }, ctx)).toEqual([
      { field: 'owner', label: null, before: 'Li Wei', after: 'Olivia' },
      { field: 'contacts', label: null, before: ['Ann'], after: ['Ann', 'Bo'] },
      { field: 'apiToken', label: null, before: MASK, after: MASK },
    ]);
  });
});
