import { Box, Text } from 'ink';
import { memo } from 'react';
import { sliceToWidth } from '../../markdown/text-width.js';

/**
 * Exactly `height` rows of pre-styled lines, each cut to the width: the
 * building block that keeps every section to the rows the layout gave it.
 * One Text node per section (not per line) keeps Ink's layout work small,
 * which is most of the time between Enter and the checklist update.
 */
export const Lines = memo(function Lines({ lines, height, width }: { lines: readonly string[]; height: number; width: number }) {
  if (height <= 0) return null;
  const shown = lines.slice(0, height).map((line) => sliceToWidth(line, width));
  while (shown.length < height) shown.push('');
  return (
    <Box height={height} width={width} overflow="hidden">
      <Text>{shown.join('\n')}</Text>
    </Box>
  );
});
