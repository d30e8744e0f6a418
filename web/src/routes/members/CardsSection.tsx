import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconId, IconIdBadge2, IconQrcode, IconRefresh, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { memberViews, useCards } from '../../api/members.ts';
import type { Card as MemberCard, MemberDetail } from '../../api/types.ts';
import { useWrite } from '../../api/write.ts';
import { DoneAlert } from '../../components/DoneAlert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDay } from '../../lib/format.ts';
import { ReissueModal, RevokeModal } from './CardModals.tsx';
import { ECardModal } from './ECard.tsx';
import { isErased } from './PersonalData.tsx';

const statusColor = { active: 'green', replaced: 'orange', revoked: 'red' } as const;

type Action = 'reissue' | 'revoke' | 'view';

/** Thẻ đoàn viên: the member's cards, newest first, and what may be done with them. */
export function CardsSection({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const cards = useCards(member.personId);
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const issue = useWrite(
    memberViews,
    () => api.post<MemberCard[]>(`/members/${member.personId}/cards`, {}),
    () => setDone('card.issued'),
  );
  const active = cards.data?.find((c) => c.status === 'active');
  // An erased person gets no new card: it would carry the alias.
  const writable = member.canEdit && member.status === 'active' && !isErased(member);
  const finish = (key: string) => () => {
    setAction(null);
    setDone(key);
  };

  return (
    <Card withBorder radius="md" data-testid="member-cards">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('card.sectionTitle')}</Title>
        <Group gap="xs">
          {active && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconQrcode size={16} />}
              onClick={() => setAction('view')}
              data-testid="card-view"
            >
              {t('card.view')}
            </Button>
          )}
          {writable && !active && cards.data && (
            <Button
              size="xs"
              leftSection={<IconIdBadge2 size={16} />}
              onClick={() => issue.mutate(undefined)}
              loading={issue.isPending}
              data-testid="card-issue"
            >
              {t('card.issue')}
            </Button>
          )}
          {writable && active && (
            <>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRefresh size={16} />}
                onClick={() => setAction('reissue')}
                data-testid="card-reissue"
              >
                {t('card.reissue')}
              </Button>
              <Button
                size="xs"
                variant="default"
                c="red.7"
                leftSection={<IconX size={16} />}
                onClick={() => setAction('revoke')}
                data-testid="card-revoke"
              >
                {t('card.revoke')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {issue.error ? <ErrorAlert error={issue.error} /> : null}
      {done && (
        <DoneAlert onClose={() => setDone(null)} mb="sm" testId="card-done">
          {t(done)}
        </DoneAlert>
      )}
      {cards.isError ? (
        <ErrorAlert error={cards.error} onRetry={() => cards.refetch()} />
      ) : cards.data && cards.data.length === 0 ? (
        <Group gap="xs" c="dimmed" py="sm" data-testid="card-none">
          <IconId size={18} />
          <Text size="sm">{t('card.none')}</Text>
        </Group>
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing="xs" data-testid="card-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('card.cardNo')}</Table.Th>
                <Table.Th>{t('member.unit')}</Table.Th>
                <Table.Th>{t('card.issuedOn')}</Table.Th>
                <Table.Th>{t('card.statusLabel')}</Table.Th>
                <Table.Th>{t('card.endNote')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(cards.data ?? []).map((c) => (
                <Table.Tr key={c.cardNo} data-testid="card-row">
                  <Table.Td ff="monospace" data-testid="card-no">
                    {c.cardNo}
                  </Table.Td>
                  <Table.Td>{c.unitName ?? '—'}</Table.Td>
                  <Table.Td>{formatDay(c.issuedOn)}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[c.status]} variant="light" data-testid="card-status">
                      {t(`card.status.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {c.endedOn ? `${formatDay(c.endedOn)}${c.endReason ? ` · ${c.endReason}` : ''}` : '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {action === 'view' && <ECardModal personId={member.personId} onClose={() => setAction(null)} />}
      {action === 'reissue' && active && (
        <ReissueModal
          personId={member.personId}
          card={active}
          onClose={() => setAction(null)}
          onDone={finish('card.reissued')}
        />
      )}
      {action === 'revoke' && active && (
        <RevokeModal
          personId={member.personId}
          card={active}
          onClose={() => setAction(null)}
          onDone={finish('card.revoked')}
        />
      )}
    </Card>
  );
}
