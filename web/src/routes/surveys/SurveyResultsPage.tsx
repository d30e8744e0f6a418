import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Center,
  Group,
  List,
  Loader,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { closeSurvey, type SurveyResults, useSurveyResults } from '../../api/surveys.ts';
import { useWrite } from '../../api/write.ts';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { formatNumber } from '../../lib/format.ts';
import { vnDay } from '../announcements/dates.ts';
import { ShareBar } from '../announcements/ShareBar.tsx';
import { STATUS_COLOR } from './labels.ts';

type Done = 'created' | 'closed';

/** A survey's results: responses against the audience, bars per option, the text answers. */
export function SurveyResultsPage() {
  const id = Number(useParams().id);
  return <ResultsView key={id} id={id} />;
}

function ResultsView({ id }: { id: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const results = useSurveyResults(id);
  const [done, setDone] = useState<Done | null>((location.state as { done?: Done } | null)?.done ?? null);
  const [closing, setClosing] = useState(false);
  const close = useWrite(
    ['surveys'],
    () => closeSurvey(id),
    () => {
      setClosing(false);
      setDone('closed');
    },
    ['surveys'],
  );

  if (results.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (results.isError) return <ErrorAlert error={results.error} onRetry={() => results.refetch()} />;
  const s = results.data;

  return (
    <Stack gap="md" maw={1100} data-testid="survey-results">
      <Breadcrumbs>
        <Anchor component={Link} to={`/surveys?unit=${s.unit.id}`} size="sm">
          {t('surveys.back')}
        </Anchor>
        <Text size="sm">{s.title}</Text>
      </Breadcrumbs>
      {done && (
        <DoneAlert onClose={() => setDone(null)} testId="survey-done">
          {t(`surveys.done.${done}`)}
        </DoneAlert>
      )}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="sm">
            <Title order={2}>{s.title}</Title>
            <Badge color={STATUS_COLOR[s.status]} variant="light" tt="none" data-testid="survey-status">
              {t(`surveys.status.${s.status}`)}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {t('surveys.meta', { unit: s.unit.name, from: vnDay(s.opensAt) })}
            {s.closesAt ? t('surveys.until', { to: vnDay(s.closesAt) }) : ''}
          </Text>
        </div>
        {s.canClose && (
          <Button
            variant="default"
            leftSection={<IconLock size={16} />}
            onClick={() => setClosing(true)}
            data-testid="survey-close"
          >
            {t('surveys.close')}
          </Button>
        )}
      </Group>
      {s.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{s.description}</Text>}

      <Card withBorder radius="md" p="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Text fw={600}>{t('surveys.responses')}</Text>
            <Text size="sm" c="dimmed">
              {t('surveys.anonymous')}
            </Text>
          </div>
          <Stack gap={2} align="flex-end" data-testid="survey-response-count" data-count={s.responseCount}>
            <ShareBar share={s.responseShare} width={240} />
            <Text size="sm">
              {t('surveys.responsesOf', {
                n: formatNumber(s.responseCount),
                audience: formatNumber(s.audienceCount),
              })}
            </Text>
          </Stack>
        </Group>
      </Card>

      {s.questions.map((q, i) => (
        <QuestionCard key={q.id} n={i + 1} q={q} />
      ))}

      {closing && (
        <FormModal
          title={t('surveys.closeTitle')}
          testId="survey-close-modal"
          submitLabel={t('surveys.close')}
          onClose={() => setClosing(false)}
          onSubmit={() => close.mutate(undefined)}
          write={close}
          intro={t('surveys.closeIntro')}
          danger
        />
      )}
    </Stack>
  );
}

/** The same answer written by several members is shown once, with how many wrote it. */
function grouped(answers: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts.entries()];
}

function QuestionCard({ n, q }: { n: number; q: SurveyResults['questions'][number] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="md" data-testid="survey-question-result">
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <div>
          <Text size="xs" c="dimmed">
            {t('surveys.question', { n })} · {t(`surveys.kinds.${q.kind}`)}
          </Text>
          <Text fw={600}>{q.text}</Text>
        </div>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('surveys.answered', { n: formatNumber(q.answeredCount) })}
        </Text>
      </Group>
      {q.kind === 'text' ? (
        q.textAnswers.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('surveys.noTextAnswers')}
          </Text>
        ) : (
          <>
            <Text size="sm" fw={500} mb={4}>
              {t('surveys.textAnswers', { count: q.textAnswers.length })}
            </Text>
            <ScrollArea.Autosize mah={280}>
              <List size="sm" spacing={4} data-testid="survey-text-answers">
                {grouped(q.textAnswers).map(([text, n]) => (
                  <List.Item key={text}>
                    {text}
                    {n > 1 && (
                      <Badge ml="xs" size="sm" variant="light" color="gray" tt="none">
                        ×{formatNumber(n)}
                      </Badge>
                    )}
                  </List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
          </>
        )
      ) : (
        <Table withRowBorders={false} verticalSpacing={6}>
          <Table.Tbody>
            {q.options.map((o) => (
              <Table.Tr key={o.option} data-testid="survey-option">
                <Table.Td w="40%">
                  <Text size="sm">{o.option}</Text>
                </Table.Td>
                <Table.Td>
                  <ShareBar share={o.share} count={o.count} width={260} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
