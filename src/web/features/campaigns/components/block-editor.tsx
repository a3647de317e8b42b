// The structured e-mail editor: a list of blocks (heading, text, image, button, divider, spacer), each with its own
// fields, moved up or down or removed; the server turns them into MJML. Variables such as {{contact.givenName | "朋友"}}
// are typed into any text.
import { ActionIcon, Button, Card, Group, Menu, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Block } from '../api/campaigns';

const fresh: Record<Block['type'], () => Block> = {
  heading: () => ({ type: 'heading', text: '', level: 1 }),
  text: () => ({ type: 'text', text: '' }),
  image: () => ({ type: 'image', src: 'https://', alt: '' }),
  button: () => ({ type: 'button', text: '', href: 'https://' }),
  divider: () => ({ type: 'divider' }),
  spacer: () => ({ type: 'spacer', height: 20 }),
};

function BlockFields({ block, onChange }: { block: Block; onChange: (b: Block) => void }) {
  const { t } = useTranslation();
  const align = (b: Extract<Block, { type: 'heading' | 'text' }>) => (
    <SegmentedControl size="xs" value={b.align ?? 'left'} onChange={(v) => onChange({ ...b, align: v as 'left' | 'center' | 'right' })} data={['left', 'center', 'right'].map((v) => ({ value: v, label: t(`campaigns.blocks.align.${v}`) }))} />
  );
  switch (block.type) {
    case 'heading':
      return (
        <Stack gap="xs">
          <TextInput aria-label={t('campaigns.blocks.heading')} value={block.text} onChange={(e) => onChange({ ...block, text: e.currentTarget.value })} data-testid="block-heading" />
          {align(block)}
        </Stack>
      );
    case 'text':
      return (
        <Stack gap="xs">
          <Textarea aria-label={t('campaigns.blocks.text')} autosize minRows={3} value={block.text} onChange={(e) => onChange({ ...block, text: e.currentTarget.value })} data-testid="block-text" />
          {align(block)}
        </Stack>
      );
    case 'image':
      return (
        <Stack gap="xs">
          <TextInput label={t('campaigns.blocks.imageUrl')} value={block.src} onChange={(e) => onChange({ ...block, src: e.currentTarget.value })} />
          <TextInput label={t('campaigns.blocks.alt')} value={block.alt ?? ''} onChange={(e) => onChange({ ...block, alt: e.currentTarget.value })} />
        </Stack>
      );
    case 'button':
      return (
        <Stack gap="xs">
          <TextInput label={t('campaigns.blocks.buttonText')} value={block.text} onChange={(e) => onChange({ ...block, text: e.currentTarget.value })} data-testid="block-button-text" />
          <TextInput label={t('campaigns.blocks.link')} value={block.href} onChange={(e) => onChange({ ...block, href: e.currentTarget.value })} data-testid="block-button-href" />
        </Stack>
      );
    case 'spacer':
      return <NumberInput label={t('campaigns.blocks.height')} min={4} max={200} value={block.height ?? 20} onChange={(v) => onChange({ ...block, height: Number(v) || 20 })} />;
    default:
      return null;
  }
}

export function BlockEditor({ blocks, onChange, disabled }: { blocks: Block[]; onChange: (b: Block[]) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const set = (i: number, b: Block) => onChange(blocks.map((x, j) => (j === i ? b : x)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...blocks];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    onChange(next);
  };
  return (
    <Stack gap="sm">
      {blocks.length === 0 && <Text size="sm" c="dimmed">{t('campaigns.blocks.empty')}</Text>}
      {blocks.map((b, i) => (
        <Card key={i} withBorder padding="sm" data-testid="block">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Text size="sm" fw={600}>{t(`campaigns.blocks.${b.type}`)}</Text>
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" aria-label={t('campaigns.blocks.up')} disabled={disabled || i === 0} onClick={() => move(i, -1)}><IconArrowUp size={16} /></ActionIcon>
              <ActionIcon variant="subtle" aria-label={t('campaigns.blocks.down')} disabled={disabled || i === blocks.length - 1} onClick={() => move(i, 1)}><IconArrowDown size={16} /></ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={t('campaigns.blocks.remove')} disabled={disabled} onClick={() => onChange(blocks.filter((_, j) => j !== i))}><IconTrash size={16} /></ActionIcon>
            </Group>
          </Group>
          <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0 }}>
            <BlockFields block={b} onChange={(nb) => set(i, nb)} />
          </fieldset>
        </Card>
      ))}
      {!disabled && (
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="light" leftSection={<IconPlus size={16} />} data-testid="add-block" style={{ alignSelf: 'flex-start' }}>{t('campaigns.blocks.add')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {(Object.keys(fresh) as Block['type'][]).map((type) => (
              <Menu.Item key={type} onClick={() => onChange([...blocks, fresh[type]()])} data-testid={`add-${type}`}>{t(`campaigns.blocks.${type}`)}</Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      <Text size="xs" c="dimmed">{t('campaigns.blocks.variablesHint')}</Text>
    </Stack>
  );
}
