// A contact's score in a model column of the contacts list: the score in percent, red at or above the model's threshold.
import { Badge, Table, Text } from '@mantine/core';
import type { ScoreOfContact } from '../api/score-columns';

export function ModelScoreCell({ score, column }: { score: ScoreOfContact | null; column: string }) {
  return (
    <Table.Td data-column={column}>
      {score ? (
        <Badge variant="light" color={score.high ? 'red' : 'gray'} data-testid="model-score-cell">{Math.round(score.score * 100)} %</Badge>
      ) : (
        <Text size="sm" c="dimmed">—</Text>
      )}
    </Table.Td>
  );
}
