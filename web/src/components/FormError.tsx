import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '../api/client.ts';

/** A field's message from the server's problem+json, for a form input's `error` prop. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldErrors[field] : undefined;
}

/** The problem's title, plus any field messages the form has no input for. */
export function FormError({ error, fields }: { error: unknown; fields: string[] }) {
  if (!error) return null;
  const title = error instanceof Error ? error.message : String(error);
  const rest = error instanceof ApiError ? Object.entries(error.fieldErrors).filter(([f]) => !fields.includes(f)) : [];
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} data-testid="form-error">
      {rest.length > 0 && (
        <List size="sm">
          {rest.map(([f, m]) => (
            <List.Item key={f}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
