// Modal that creates a pipeline or changes one: its name and its ordered stages, checked as the server checks them.
import { useEffect, useState } from 'react';
import { Alert, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/form-actions';
import type { Pipeline } from '../../deals';
import { pipelineErrorMessage } from '../api/pipeline-error';
import { useCreatePipeline, useUpdatePipeline } from '../api/pipeline-mutations';
import { checkDrafts, defaultDrafts, draftsOf, toStageInputs, type StageDraft } from './stage-draft';
import { StageList } from './stage-list';

interface Props {
  opened: boolean;
  /** The pipeline to change; null creates one. */
  pipeline: Pipeline | null;
  onClose: () => void;
  onSaved: (p: Pipeline) => void;
}

export function PipelineEditorModal({ opened, pipeline, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const create = useCreatePipeline();
  const update = useUpdatePipeline();
  const save = pipeline ? update : create;
  const [name, setName] = useState('');
  const [stages, setStages] = useState<StageDraft[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setName(pipeline?.name ?? '');
    setStages(pipeline ? draftsOf(pipeline.stages) : defaultDrafts(t));
    setProblem(null);
    create.reset();
    update.reset();
    // start afresh each time it opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, pipeline?.id]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const local = !name.trim() ? t('pipelines.errors.noName') : checkDrafts(stages, t);
    setProblem(local);
    if (local) return;
    const input = { name: name.trim(), stages: toStageInputs(stages) };
    const done = { onSuccess: (p: Pipeline) => onSaved(p), onError: (err: unknown) => setProblem(pipelineErrorMessage(err, t)) };
    if (pipeline) update.mutate({ id: pipeline.id, ...input }, done);
    else create.mutate(input, done);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={pipeline ? t('pipelines.edit') : t('pipelines.new')} size="xl" fullScreen={narrow}>
      <form onSubmit={submit} noValidate data-testid="pipeline-form">
        <Stack>
          {problem && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('errors.title')}>
              <Text size="sm" data-testid="error-message">{problem}</Text>
            </Alert>
          )}
          <TextInput label={t('pipelines.name')} name="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <div>
            <Text size="sm" fw={500}>{t('pipelines.stages')}</Text>
            <Text size="xs" c="dimmed" mb="xs">{t('pipelines.stagesHint')}</Text>
            <StageList stages={stages} onChange={setStages} />
          </div>
          <FormActions onCancel={onClose} loading={save.isPending} submitLabel={pipeline ? t('pipelines.save') : t('common.create')} />
        </Stack>
      </form>
    </Modal>
  );
}
