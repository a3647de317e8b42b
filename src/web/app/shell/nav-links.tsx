// The navigation links of the shell; only pages that exist are listed.
import { NavLink, Stack } from '@mantine/core';
import { IconBook } from '@tabler/icons-react';
import { IconTicket } from '@tabler/icons-react';
import { IconAddressBook, IconBuilding, IconChartBar, IconChecklist, IconCopy, IconSun, IconFileImport, IconHome, IconPackage, IconSettings, IconTargetArrow, IconUserSearch } from '@tabler/icons-react';
import { IconGauge } from '@tabler/icons-react';
import { IconClockCog } from '@tabler/icons-react';
import { IconMessages } from '@tabler/icons-react';
import { IconFilter } from '@tabler/icons-react';
import { IconRoute } from '@tabler/icons-react';
import { IconMail } from '@tabler/icons-react';
import { IconDiamond } from '@tabler/icons-react';
import { IconBell } from '@tabler/icons-react';
import { IconBrain } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

const LINKS = [
  { to: '/today', key: 'nav.today', icon: IconSun },
  { to: '/contacts', key: 'nav.contacts', icon: IconAddressBook },
  { to: '/companies', key: 'nav.companies', icon: IconBuilding },
  { to: '/households', key: 'nav.households', icon: IconHome },
  { to: '/leads', key: 'nav.leads', icon: IconUserSearch },
  { to: '/deals', key: 'nav.deals', icon: IconTargetArrow },
  { to: '/products', key: 'nav.products', icon: IconPackage },
  { to: '/forecast', key: 'nav.forecast', icon: IconChartBar },
  { to: '/segments', key: 'nav.segments', icon: IconFilter },
  { to: '/journeys', key: 'nav.journeys', icon: IconRoute },
  { to: '/campaigns', key: 'nav.campaigns', icon: IconMail },
  { to: '/customer-value', key: 'nav.customerValue', icon: IconDiamond },
  { to: '/alerts', key: 'nav.alerts', icon: IconBell },
  { to: '/models', key: 'models.title', icon: IconBrain },
  { to: '/inbox', key: 'nav.inbox', icon: IconMessages },
  { to: '/tickets', key: 'nav.tickets', icon: IconTicket },
  { to: '/service-dashboard', key: 'nav.serviceDashboard', icon: IconGauge },
  { to: '/service-settings', key: 'nav.serviceSettings', icon: IconClockCog },
  { to: '/tasks', key: 'nav.tasks', icon: IconChecklist },
  { to: '/knowledge', key: 'nav.knowledge', icon: IconBook },
  { to: '/imports', key: 'nav.imports', icon: IconFileImport },
  { to: '/duplicates', key: 'nav.duplicates', icon: IconCopy },
  { to: '/settings', key: 'nav.settings', icon: IconSettings },
] as const;

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap={4}>
      {LINKS.map(({ to, key, icon: Icon }) => (
        <NavLink
          key={to}
          component={Link}
          to={to}
          label={t(key)}
          leftSection={<Icon size={18} stroke={1.5} />}
          active={pathname === to || pathname.startsWith(`${to}/`)}
          onClick={onNavigate}
          data-nav={to.slice(1)}
        />
      ))}
    </Stack>
  );
}
