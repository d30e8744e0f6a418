import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useUnit } from '../../api/units.ts';

/**
 * Where the officer is in the tree, from the unit they started at (`top`) down to the one shown;
 * each unit above is a link back up. Only the shown unit when they have not walked down.
 */
export function UnitTrail(props: {
  unit: { id: number; name: string };
  top: number | null;
  asOf: string;
  onTop: (unitId: number) => void;
}) {
  const walked = props.top !== null && props.top !== props.unit.id;
  const detail = useUnit(props.unit.id, props.asOf, walked);
  const ancestors = detail.data?.ancestors ?? [];
  const from = ancestors.findIndex((a) => a.id === props.top);
  const above = walked && from >= 0 ? ancestors.slice(from) : [];
  return (
    <Breadcrumbs separator="›" data-testid="plan-unit-trail">
      {above.map((a) => (
        <Anchor
          key={a.id}
          component="button"
          type="button"
          size="md"
          onClick={() => props.onTop(a.id)}
          data-testid="plan-unit-up"
        >
          {a.name}
        </Anchor>
      ))}
      <Text fw={700} size="md" data-testid="plan-unit-name">
        {props.unit.name}
      </Text>
    </Breadcrumbs>
  );
}
