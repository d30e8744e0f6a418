import { Alert, type AlertProps } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** What a write just did, in green, until the officer closes it. */
export function DoneAlert({
  onClose,
  testId,
  children,
  ...rest
}: { onClose: () => void; testId?: string; children: ReactNode } & Pick<AlertProps, 'mb'>) {
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconCheck size={18} />}
      withCloseButton
      onClose={onClose}
      data-testid={testId}
      {...rest}
    >
      {children}
    </Alert>
  );
}
