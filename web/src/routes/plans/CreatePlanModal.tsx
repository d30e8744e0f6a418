import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import {
  addTarget,
  type CreatePlanBody,
  createPlan,
  MEASURES,
  type Measure,
  type PlanView,
  planViews,
  type TargetBody,
} from '../../api/plans.ts';
import type { UnitSearchItem } from '../../api/types.ts';
import { useUnitAsItem } from '../../api/units.ts';
import { useWrite } from '../../api/write.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { fieldError } from '../../components/FormError.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { todayVn } from '../../lib/format.ts';
import { isRate } from './numbers.ts';

type TargetDraft = { measure: Measure; goal: number | string };

/** A goal as the API takes it: a rate typed as a percentage is sent as a fraction. */
const goalOf = (d: TargetDraft) => (isRate(d.measure) ? Math.round(Number(d.goal) * 1e6) / 1e8 : Number(d.goal));

/** One target: what is measured and the goal (a percentage for coverage). */
function TargetFields({
  draft,
  onChange,
  errors,
  index,
}: {
  draft: TargetDraft;
  onChange: (d: TargetDraft) => void;
  errors: { measure?: string; goal?: string };
  index: number;
}) {
  const { t } = useTranslation();
  const rate = isRate(draft.measure);
  return (
    <>
      <Select
        label={t('plans.target.measure')}
        data={MEASURES.map((m) => ({ value: m, label: t(`plans.measure.${m}`) }))}
        value={draft.measure}
        onChange={(v) => v && onChange({ measure: v as Measure, goal: '' })}
        allowDeselect={false}
        error={errors.measure}
        style={{ flex: 1 }}
        data-testid={`plan-target-measure-${index}`}
      />
      <NumberInput
        label={rate ? t('plans.target.goalRate') : t('plans.target.goal')}
        value={draft.goal}
        onChange={(v) => onChange({ ...draft, goal: v })}
        thousandSeparator="."
        decimalSeparator=","
        allowDecimal={rate}
        allowNegative={false}
        decimalScale={rate ? 2 : 0}
        max={rate ? 100 : undefined}
        suffix={rate ? '%' : undefined}
        error={errors.goal}
        w={170}
        data-testid={`plan-target-goal-${index}`}
      />
    </>
  );
}

/** A new plan with its targets; its page opens next. */
export function CreatePlanModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const year = todayVn().slice(0, 4);
  const own = useUnitAsItem(me.data?.roles.find((r) => r.unitId !== null)?.unitId ?? null, todayVn());
  const [picked, setPicked] = useState<UnitSearchItem | null>(null);
  const [touched, setTouched] = useState(false);
  const unit = touched ? picked : (picked ?? own);
  const [name, setName] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const [startsOn, setStartsOn] = useState(`${year}-01-01`);
  const [endsOn, setEndsOn] = useState(`${year}-12-31`);
  const [targets, setTargets] = useState<TargetDraft[]>([{ measure: 'new_members', goal: '' }]);
  const [missing, setMissing] = useState<Set<number>>(new Set());
  const write = useWrite(planViews, createPlan, (p: PlanView) =>
    navigate(`/plans/${p.id}`, { state: { created: true } }),
  );

  const submit = () => {
    const empty = new Set(targets.flatMap((d, i) => (d.goal === '' ? [i] : [])));
    setMissing(empty);
    if (empty.size > 0) return;
    const body: CreatePlanBody = {
      unitId: unit?.id ?? 0,
      name,
      startsOn,
      endsOn,
      targets: targets.map((d) => ({ measure: d.measure, goal: goalOf(d) })),
    };
    if (documentNo.trim()) body.documentNo = documentNo.trim();
    write.mutate(body);
  };
  const targetFields = targets.flatMap((_, i) => [`targets.${i}.measure`, `targets.${i}.goal`, `targets.${i}.dueOn`]);

  return (
    <FormModal
      title={t('plans.create')}
      testId="plan-create-modal"
      submitLabel={t('plans.createSubmit')}
      onClose={onClose}
      onSubmit={submit}
      write={write}
      fields={['unitId', 'name', 'documentNo', 'startsOn', 'endsOn', ...targetFields]}
      errorBelow
      size="xl"
    >
      <UnitPicker
        label={t('plans.field.owner')}
        placeholder={t('plans.filterUnitPlaceholder')}
        asOf={todayVn()}
        value={unit}
        onChange={(u) => {
          setTouched(true);
          setPicked(u);
        }}
        error={fieldError(write.error, 'unitId')}
        testId="plan-owner"
      />
      <TextInput
        label={t('plans.field.name')}
        placeholder={t('plans.namePlaceholder')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={fieldError(write.error, 'name')}
        data-testid="plan-name-input"
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('plans.field.documentNo')}
          placeholder="125/KH-LĐLĐ"
          value={documentNo}
          onChange={(e) => setDocumentNo(e.currentTarget.value)}
          error={fieldError(write.error, 'documentNo')}
          data-testid="plan-document-no"
        />
        <DayInput
          label={t('plans.field.startsOn')}
          value={startsOn}
          onChange={setStartsOn}
          error={fieldError(write.error, 'startsOn')}
          testId="plan-starts-on"
        />
        <DayInput
          label={t('plans.field.endsOn')}
          value={endsOn}
          onChange={setEndsOn}
          error={fieldError(write.error, 'endsOn')}
          testId="plan-ends-on"
        />
      </Group>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('plans.field.targets')}
        </Text>
        {targets.map((d, i) => (
          <Group key={i} align="flex-start" wrap="nowrap" data-testid="plan-target-row">
            <TargetFields
              index={i}
              draft={d}
              onChange={(next) => setTargets(targets.map((x, k) => (k === i ? next : x)))}
              errors={{
                measure: fieldError(write.error, `targets.${i}.measure`),
                goal: missing.has(i)
                  ? t('plans.target.goalMissing')
                  : (fieldError(write.error, `targets.${i}.goal`) ?? fieldError(write.error, `targets.${i}.dueOn`)),
              }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              size="lg"
              aria-label={t('plans.target.remove')}
              onClick={() => setTargets(targets.filter((_, k) => k !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setTargets([...targets, { measure: 'member_count', goal: '' }])}
            data-testid="plan-target-add"
          >
            {t('plans.target.add')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}

/** One more target for an existing plan (its window defaults to the plan's). */
export function AddTargetModal({ plan, onClose }: { plan: PlanView; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TargetDraft>({ measure: 'member_count', goal: '' });
  const [missing, setMissing] = useState(false);
  const write = useWrite(planViews, (body: TargetBody) => addTarget(plan.id, body), onClose);
  const submit = () => {
    setMissing(draft.goal === '');
    if (draft.goal !== '') write.mutate({ measure: draft.measure, goal: goalOf(draft) });
  };
  return (
    <FormModal
      title={t('plans.target.addTitle', { plan: plan.name })}
      testId="plan-add-target-modal"
      submitLabel={t('plans.target.add')}
      onClose={onClose}
      onSubmit={submit}
      write={write}
      fields={['measure', 'goal', 'dueOn']}
    >
      <Group align="flex-start" wrap="nowrap">
        <TargetFields
          index={0}
          draft={draft}
          onChange={setDraft}
          errors={{
            measure: fieldError(write.error, 'measure'),
            goal: missing
              ? t('plans.target.goalMissing')
              : (fieldError(write.error, 'goal') ?? fieldError(write.error, 'dueOn')),
          }}
        />
      </Group>
    </FormModal>
  );
}
