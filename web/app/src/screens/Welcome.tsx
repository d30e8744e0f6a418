import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './common.tsx';

export function WelcomeScreen() {
  const { t } = useTranslation();
  return (
    <main className="welcome">
      <img src="/app/icon.svg" alt="" width="72" height="72" />
      <h1>{t('welcome.title')}</h1>
      <p className="muted">{t('welcome.lead')}</p>
      <a className="button primary" href="#/signin" data-testid="welcome-signin">
        {t('welcome.signIn')}
      </a>
      <a className="button" href="#/join" data-testid="welcome-join">
        {t('welcome.join')}
      </a>
      <a className="link" href="#/track" data-testid="welcome-track">
        {t('welcome.track')}
      </a>
      <LanguageSwitch />
    </main>
  );
}
