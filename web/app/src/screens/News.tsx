import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../src/api/client.ts';
import { formatTime } from '../i18n.ts';
import type { Announcement, SurveySummary } from '../types.ts';
import { ErrorBox, Header } from './common.tsx';
import { SurveyScreen } from './Survey.tsx';

/** What the union tells its members: announcements (read receipts) and the surveys open to them. */
export function NewsScreen({ path }: { path: string[] }) {
  const [first, id] = path;
  if (first === 'survey' && id) return <SurveyScreen id={Number(id)} />;
  if (first === 'a' && id) return <AnnouncementScreen id={Number(id)} />;
  return <NewsList />;
}

function NewsList() {
  const { t } = useTranslation();
  const [news, setNews] = useState<Announcement[] | null>(null);
  const [surveys, setSurveys] = useState<SurveySummary[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get<{ items: Announcement[] }>('/app/announcements')
      .then((r) => setNews(r.items))
      .catch(setError);
    api
      .get<{ items: SurveySummary[] }>('/app/surveys')
      .then((r) => setSurveys(r.items))
      .catch(() => setSurveys([]));
  }, []);
  return (
    <>
      <Header title={t('news.title')} />
      <main className="stack">
        <ErrorBox error={error} />
        {surveys.length > 0 && (
          <section className="stack">
            <h2>{t('news.surveys')}</h2>
            <ul className="list">
              {surveys.map((s) => (
                <li key={s.id}>
                  <a href={`#/news/survey/${s.id}`} data-testid="news-survey">
                    {!s.answered && <span className="pill open">{t('news.toAnswer')}</span>}
                    <strong>{s.title}</strong>
                    <span className="muted small">{s.unitName}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        <h2>{t('news.announcements')}</h2>
        {news?.length === 0 && <p className="muted">{t('news.none')}</p>}
        <ul className="list">
          {news?.map((a) => (
            <li key={a.id} className={a.read ? '' : 'unread'}>
              <a href={`#/news/a/${a.id}`} data-testid="news-announcement">
                <strong>{a.title}</strong>
                <span className="muted small">
                  {a.unitName} · {formatTime(a.publishedAt)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}

function AnnouncementScreen({ id }: { id: number }) {
  const { t } = useTranslation();
  const [item, setItem] = useState<Announcement | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get<{ items: Announcement[] }>('/app/announcements')
      .then((r) => {
        const found = r.items.find((a) => a.id === id) ?? null;
        setItem(found);
        // Opening it is reading it: the read receipt the publishing officer counts.
        if (found && !found.read) void api.post(`/app/announcements/${id}/read`).catch(() => {});
      })
      .catch(setError);
  }, [id]);
  return (
    <>
      <Header title={t('news.announcement')} back="#/news" />
      <main className="stack">
        <ErrorBox error={error} />
        {item && (
          <article className="stack" data-testid="announcement">
            <h2>{item.title}</h2>
            <p className="muted small">
              {item.unitName} · {formatTime(item.publishedAt)}
            </p>
            <div className="prose">{item.body}</div>
          </article>
        )}
      </main>
    </>
  );
}
