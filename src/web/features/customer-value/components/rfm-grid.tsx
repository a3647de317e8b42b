// The 5 × 5 RFM grid: recency down the side (5 = bought most recently, on top), frequency across; each cell coloured by
// its segment and showing how many contacts sit in it. Clicking a cell picks it.
import { Box, Group, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RfmOverview, RfmSegment } from '../api/get-rfm';

export const segmentColor: Record<RfmSegment, string> = {
  champions: 'teal', loyal: 'green', potentialLoyalists: 'lime', new: 'cyan', atRisk: 'orange', cantLose: 'red', hibernating: 'gray', lost: 'dark',
};

/** The segment of a cell (same rule as the server's). */
export function segmentOf(r: number, f: number): RfmSegment {
  if (r >= 4 && f >= 4 && r + f >= 9) return 'champions';
  if (r >= 3 && f >= 4) return 'loyal';
  if (r >= 3 && f >= 2) return 'potentialLoyalists';
  if (r >= 4) return 'new';
  if (f === 5) return 'cantLose';
  if (f >= 3) return 'atRisk';
  if (r >= 2) return 'hibernating';
  return 'lost';
}

export function RfmGrid({ data, selected, onPick }: { data: RfmOverview; selected: { r?: number; f?: number }; onPick: (r: number, f: number) => void }) {
  const { t } = useTranslation();
  const count = (r: number, f: number) => data.grid.find((c) => c.r === r && c.f === f)?.contacts ?? 0;
  return (
    <Box data-testid="rfm-grid" maw={520}>
      <Group gap={4} wrap="nowrap" align="stretch">
        <Text size="xs" c="dimmed" style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', textAlign: 'center' }}>{t('customerValue.recencyAxis')}</Text>
        <SimpleGrid cols={5} spacing={4} verticalSpacing={4} style={{ flex: 1 }}>
          {[5, 4, 3, 2, 1].flatMap((r) =>
            [1, 2, 3, 4, 5].map((f) => {
              const seg = segmentOf(r, f);
              const n = count(r, f);
              const on = selected.r === r && selected.f === f;
              return (
                <UnstyledButton
                  key={`${r}-${f}`}
                  onClick={() => onPick(r, f)}
                  data-testid={`rfm-cell-${r}-${f}`}
                  aria-label={t('customerValue.cellLabel', { r, f, segment: t(`customerValue.segments.${seg}`), count: n })}
                  aria-pressed={on}
                  style={{ minHeight: 52, borderRadius: 6, padding: 4, background: `var(--mantine-color-${segmentColor[seg]}-${n ? 6 : 1})`, color: n ? 'white' : 'var(--mantine-color-dimmed)', outline: on ? '3px solid var(--mantine-color-blue-7)' : undefined, outlineOffset: 1 }}
                >
                  <Text size="md" fw={700} ta="center" lh={1.2}>{n}</Text>
                  <Text size="9px" ta="center" lh={1.1} style={{ overflowWrap: 'anywhere' }}>R{r} F{f}</Text>
                </UnstyledButton>
              );
            }),
          )}
        </SimpleGrid>
      </Group>
      <Text size="xs" c="dimmed" ta="center" mt={4}>{t('customerValue.frequencyAxis')}</Text>
    </Box>
  );
}
