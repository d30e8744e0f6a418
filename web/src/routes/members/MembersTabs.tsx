import { Tabs } from '@mantine/core';
import { IconAlertTriangle, IconFileText, IconTableImport, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { isWriter } from '../../lib/roles.ts';

const tabs = [
  { path: '/members', key: 'nav.memberList', icon: IconUsers, testId: 'tab-members' },
  { path: '/applications', key: 'nav.applications', icon: IconFileText, testId: 'tab-applications' },
  { path: '/members/quality', key: 'nav.quality', icon: IconAlertTriangle, testId: 'tab-quality' },
  { path: '/members/import', key: 'nav.import', icon: IconTableImport, testId: 'tab-import', writers: true },
] as const;

/** The Đoàn viên area's pages: the register, applications to join, data quality, import from Excel. */
export function MembersTabs() {
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
