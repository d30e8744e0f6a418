import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../src/api/client.ts';
import { forgetMe, keepMe, keptMe } from './offline.ts';
import { go, useRoute } from './route.ts';
import { CardScreen } from './screens/Card.tsx';
import { JoinScreen } from './screens/Join.tsx';
import { NewsScreen } from './screens/News.tsx';
import { ProfileScreen } from './screens/Profile.tsx';
import { SignInScreen } from './screens/SignIn.tsx';
import { SpeakScreen } from './screens/Speak.tsx';
import { TrackScreen } from './screens/Track.tsx';
import { WelcomeScreen } from './screens/Welcome.tsx';
import type { AppMe } from './types.ts';

type Session =
  | { state: 'loading' }
  | { state: 'signed-out' }
  | { state: 'signed-in'; me: AppMe; offlineSince: string | null };

/**
 * The member app: signed out, a worker can apply to join, follow an application, or sign in with a
 * one-time code; signed in, a member has four tabs: card, speak up, news, and their profile.
 */
export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const [session, setSession] = useState<Session>({ state: 'loading' });

  const load = useCallback(async () => {
    try {
      const me = await api.get<AppMe>('/app/me');
      keepMe(me);
      setSession({ state: 'signed-in', me, offlineSince: null });
    } catch (err) {
      if (err instanceof ApiError) {
        // The server says no session: whatever was kept on the phone is no longer theirs to show.
        forgetMe();
        setSession({ state: 'signed-out' });
        return;
      }
      // No network: the card kept from the last visit.
      const kept = keptMe();
      setSession(kept ? { state: 'signed-in', me: kept.me, offlineSince: kept.savedAt } : { state: 'signed-out' });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  // The moment the first real screen is up (welcome or card): what bench/member-app.ts reports.
  useEffect(() => {
    if (session.state !== 'loading' && performance.getEntriesByName('app-interactive').length === 0)
      performance.mark('app-interactive');
  }, [session.state]);

  const signedIn = (me: AppMe) => {
    keepMe(me);
    setSession({ state: 'signed-in', me, offlineSince: null });
    go('card');
  };
  const signOut = async () => {
    try {
      await api.post('/app/auth/logout');
    } finally {
      forgetMe();
      setSession({ state: 'signed-out' });
      go('');
    }
  };

  if (session.state === 'loading')
    return (
      <div className="center" aria-busy="true">
        <div className="spinner" />
      </div>
    );

  const [screen = '', ...rest] = route;
  if (session.state === 'signed-out') {
    return (
      <div className="page">
        {screen === 'signin' ? (
          <SignInScreen onSignedIn={signedIn} />
        ) : screen === 'join' ? (
          <JoinScreen />
        ) : screen === 'track' ? (
          <TrackScreen code={rest[0] ?? ''} />
        ) : (
          <WelcomeScreen />
        )}
      </div>
    );
  }

  const { me, offlineSince } = session;
  const tab = ['card', 'speak', 'news', 'me'].includes(screen) ? screen : 'card';
  return (
    <div className="page with-tabs">
      {offlineSince && (
        <div className="banner" role="status" data-testid="offline-banner">
          {t('offline', { time: new Date(offlineSince).toLocaleString('vi-VN') })}
        </div>
      )}
      {tab === 'card' && <CardScreen me={me} />}
      {tab === 'speak' && <SpeakScreen me={me} path={rest} />}
      {tab === 'news' && <NewsScreen path={rest} />}
      {tab === 'me' && <ProfileScreen me={me} onSignOut={signOut} />}
      <nav className="tabs" aria-label={t('tabs.label')}>
        {(['card', 'speak', 'news', 'me'] as const).map((k) => (
          <a key={k} href={`#/${k}`} className={tab === k ? 'active' : ''} data-testid={`tab-${k}`}>
            <span className="tab-icon" aria-hidden="true">
              {ICONS[k]}
            </span>
            {t(`tabs.${k}`)}
          </a>
        ))}
      </nav>
    </div>
  );
}

// Drawn here rather than from an icon library: four small paths cost less than one import.
const ICONS = {
  card: (
    <svg
      viewBox="0 0 24 24"
      width="22"
      height="22"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M7 10h5M7 14h3M15 10h2" />
    </svg>
  ),
  speak: (
    <svg
      viewBox="0 0 24 24"
      width="22"
      height="22"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M4 5h16v11H9l-5 4z" />
    </svg>
  ),
  news: (
    <svg
      viewBox="0 0 24 24"
      width="22"
      height="22"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M4 5h13v14H6a2 2 0 0 1-2-2zM17 9h3v8a2 2 0 0 1-2 2M7 9h7M7 13h7" />
    </svg>
  ),
  me: (
    <svg
      viewBox="0 0 24 24"
      width="22"
      height="22"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c1-4 4-6 8-6s7 2 8 6" />
    </svg>
  ),
};
