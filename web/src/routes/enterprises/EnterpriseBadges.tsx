import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnterpriseStatus, FactSource, Ownership } from '../../api/enterprises.ts';
import { OWNERSHIP_COLOR, SOURCE_COLOR, STATUS_COLOR } from './options.ts';

export function OwnershipBadge({ ownership }: { ownership: Ownership }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" radius="sm" variant="light" color={OWNERSHIP_COLOR[ownership]} tt="none">
      {t(`enterprise.ownershipShort.${ownership}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: EnterpriseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="dot" color={STATUS_COLOR[status]} tt="none" data-testid="status-badge">
      {t(`enterprise.status.${status}`)}
    </Badge>
  );
}

/** Tay (typed by an officer), ĐKKD (business register), BHXH (Social Insurance). */
export function SourceBadge({ source }: { source: FactSource }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`enterprise.sourceLong.${source}`)} withArrow>
      <Badge size="xs" radius="sm" variant="outline" color={SOURCE_COLOR[source]} tt="none" data-testid="source-badge">
        {t(`enterprise.source.${source}`)}
      </Badge>
    </Tooltip>
  );
}
