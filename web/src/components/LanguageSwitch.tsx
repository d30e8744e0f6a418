import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../api/client.ts';
import { setLanguage } from '../i18n/index.ts';

/** VI / EN switch; the choice is kept in this browser (localStorage). */
export function LanguageSwitch({
  onChange = setLanguage,
  dark = true,
}: {
  onChange?: (l: Lang) => void;
  dark?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      radius="xl"
      aria-label={t('header.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(v) => onChange(v === 'en' ? 'en' : 'vi')}
      data={[
        { value: 'vi', label: 'VI' },
        { value: 'en', label: 'EN' },
      ]}
      data-testid="lang-switch"
      color={dark ? 'blue.5' : 'blue'}
      styles={dark ? { root: { backgroundColor: 'rgba(255,255,255,0.15)' }, label: { color: 'white' } } : undefined}
    />
  );
}
