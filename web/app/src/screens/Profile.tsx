import { useTranslation } from 'react-i18next';
import { formatDay } from '../i18n.ts';
import type { AppMe } from '../types.ts';
import { Header, LanguageSwitch } from './common.tsx';

export function ProfileScreen({ me, onSignOut }: { me: AppMe; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Header title={t('profile.title')} />
      <main className="stack">
        <dl className="facts">
          <dt>{t('profile.name')}</dt>
          <dd data-testid="profile-name">{me.fullName}</dd>
          {me.birthDate && (
            <>
              <dt>{t('profile.born')}</dt>
              <dd>{formatDay(me.birthDate)}</dd>
            </>
          )}
          <dt>{t('profile.unit')}</dt>
          <dd>{me.unit?.name ?? t('profile.noUnit')}</dd>
        </dl>
        <p className="muted small">{t('profile.fix')}</p>
        <LanguageSwitch />
        <button type="button" className="button" onClick={onSignOut} data-testid="signout">
          {t('profile.signOut')}
        </button>
      </main>
    </>
  );
}
