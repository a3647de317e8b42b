// The Today card looks: known cards have theirs, a card from a module the page does not know gets the generic look,
// a module can register its own, and items link to the record (deals open the drawer on the deals page).
import { IconBell } from '@tabler/icons-react';
import { describe, expect, it } from 'vitest';
import { linkOf, lookOf, registerCardLook } from './card-registry.js';

const item = (entity: string, entityId: string) => ({ entity, entityId });

describe('Today card looks', () => {
  it('gives an unknown card the generic look, without a "see all" link', () => {
    const look = lookOf('ticketsWaiting');
    expect(look.color).toBe('gray');
    expect(look.time).toBe('happened');
    expect(look.more).toBeUndefined();
    expect(lookOf('tasks').more?.('2026-12-05')).toBe('/tasks');
    expect(lookOf('closingDeals').more?.('2026-12-05')).toContain('month=2026-12');
    // Stalled deals: the longest in their stage first.
    expect(lookOf('stalledDeals').more?.('2026-12-05')).toContain('sort=stageEnteredAt');
  });

  it('lets a module register the look of its card', () => {
    registerCardLook('alerts', { icon: IconBell, color: 'yellow', more: () => '/alerts', time: 'none' });
    expect(lookOf('alerts')).toMatchObject({ color: 'yellow', time: 'none' });
    expect(lookOf('alerts').more?.('2026-12-05')).toBe('/alerts');
  });

  it('links items to their record, deals to the drawer on the deals page', () => {
    expect(linkOf(item('contact', 'c1'))).toBe('/contacts/c1');
    expect(linkOf(item('company', 'co1'))).toBe('/companies/co1');
    expect(linkOf(item('deal', 'd1'))).toBe('/deals?view=table&deal=d1');
    expect(linkOf(item('ticket', 't1'))).toBe('/tickets/t1');
  });
});
