import type { ChalkInstance } from 'chalk';
import { Box } from 'ink';
import { useEffect } from 'react';
import type { Language } from '../../course/schema.js';
import { buildPanel, headingLine, type PictureLine, type Tone } from '../../data-panel/panel-model.js';
import type { PanelData } from '../../tutor/state/app-state.js';
import { labTexts } from '../../tutor/lab-texts.js';
import type { Texts } from '../../tutor/texts.js';
import { useTicker, useTui } from '../tui-context.js';
import { Lines } from './Lines.js';
import { topologyLines } from './topology-lines.js';

/**
 * The data panel: the exercise's keys and the ones the learner touched, as
 * pictures (see src/data-panel/panel-model.ts), cut to its rows. TTLs count
 * down every second without asking Redis; when one runs out the panel is read again.
 * In a lab, the lab's servers instead (./topology-lines.ts).
 */
export function DataPanel({ data, width, height, t, language }: { data: PanelData | undefined; width: number; height: number; t: Texts; language: Language }) {
  const { chalk, controller } = useTui();
  const hasTtl = data?.snapshots.some((snapshot) => snapshot.pttl >= 0) ?? false;
  const now = useTicker(1_000, hasTtl);
  const expired = data?.snapshots.some((snapshot) => snapshot.pttl >= 0 && snapshot.pttl - (now - snapshot.fetchedAt) <= 0) ?? false;
  useEffect(() => {
    if (expired) void controller?.refreshPanel();
  }, [expired, controller]);
  const lines = panelLines(data, { width, height, now, language }, chalk, t);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Lines lines={lines} height={height} width={width} />
    </Box>
  );
}

export function panelLines(
  data: PanelData | undefined,
  { width, height, now, language }: { width: number; height: number; now: number; language: Language },
  chalk: ChalkInstance,
  t: Texts,
): string[] {
  if (data?.topology) return topologyLines(data.topology, { width, height }, chalk, labTexts(language));
  const inner = width - 2;
  const out: string[] = [chalk.bold(t.panelTitle)];
  if (!data || data.snapshots.length === 0) return [...out, chalk.dim(t.panelEmpty)];
  const model = buildPanel(data.snapshots, { width: inner, pinned: data.pinned, language });
  let shown = 0;
  for (const picture of model.keys) {
    const block = [paint(headingLine(picture, inner, now, language), chalk), ...picture.body.map((line) => paint(line, chalk))];
    // Keep a row for "… n more keys" unless this is the last key.
    const room = height - out.length - (shown < model.keys.length - 1 ? 1 : 0);
    if (block.length + 1 > room && shown > 0) break;
    out.push(...block.slice(0, Math.max(1, room - 1)), '');
    shown += 1;
  }
  if (shown < model.keys.length) out.push(chalk.dim(t.panelMore(model.keys.length - shown)));
  return out;
}

function paint(line: PictureLine, chalk: ChalkInstance): string {
  return line.map((segment) => toneStyle(segment.tone, chalk)(segment.text)).join('');
}

/** Colours from the terminal's own 16-colour palette, so they follow a light or dark theme. */
function toneStyle(tone: Tone, chalk: ChalkInstance): (text: string) => string {
  switch (tone) {
    case 'key':
      return chalk.bold;
    case 'type':
      return chalk.dim;
    case 'value':
      return (text) => text;
    case 'index':
      return chalk.cyan;
    case 'border':
      return chalk.dim;
    case 'chip':
      return chalk.level > 0 ? chalk.inverse : (text) => `(${text.trim()})`;
    case 'bar':
      return chalk.magenta;
    case 'ttl':
      return chalk.blue;
    case 'expiring':
      return chalk.red;
    case 'missing':
      return chalk.dim.italic;
    case 'dim':
      return chalk.dim;
  }
}
