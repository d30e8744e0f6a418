import { Tabs } from '@mantine/core';
import { IconAlertTriangle, IconBuildingFactory2, IconTableImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { isWriter } from '../../lib/roles.ts';

const tabs = [
  { path: '/enterprises', key: 'nav.enterpriseList', icon: IconBuildingFactory2, testId: 'tab-enterprises' },
  { path: '/enterprises/conflicts', key: 'nav.conflicts', icon: IconAlertTriangle, testId: 'tab-conflicts' },
  {
    path: '/enterprises/import',
    key: 'nav.registerImport',
    icon: IconTableImport,
    testId: 'tab-register-import',
    writers: true,
  },
] as const;

/** The Doanh nghiệp area's pages: the register, conflicts with the outside registers, extract import. */
export function EnterprisesTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const writer = isWriter(useMe().data);
  return (
    <Tabs value={pathname} onChange={(v) => v && navigate(v)}>
      <Tabs.List>
        {tabs
          .filter((tab) => writer || !('writers' in tab))
          .map(({ path, key, icon: Icon, testId }) => (
            <Tabs.Tab key={path} value={path} leftSection={<Icon size={16} />} data-testid={testId}>
              {t(key)}
            </Tabs.Tab>
          ))}
      </Tabs.List>
    </Tabs>
  );
}
