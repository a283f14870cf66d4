import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { padToWidth, truncateToWidth } from '../../markdown/text-width.js';
import type { LabTexts } from '../../tutor/lab-texts.js';
import type { PanelNode, TopologyPanel } from '../../tutor/state/topology-panel.js';
import { wordWrap } from '../layout.js';

/** Where a node's details start, under its name. */
const DETAIL_INDENT = '    ';
const HERE = '▸ ';
const ELSEWHERE = '  ';

/**
 * A lab's servers in the data panel, one node to a heading line
 * (`▸ replica-1  :41235  replica`, the ▸ on the node the prompt is on) and
 * its details under it, wrapped at word boundaries to the panel's width:
 * offsets and lag for replication, the master a sentinel names and what it
 * knows, a cluster master's slots. Cut to `height` rows, the last saying how
 * many nodes did not fit.
 */
export function topologyLines(panel: TopologyPanel, { width, height }: { width: number; height: number }, chalk: ChalkInstance, t: LabTexts): string[] {
  const nameWidth = Math.max(...panel.nodes.map((node) => stringWidth(node.name)));
  const portWidth = Math.max(...panel.nodes.map((node) => String(node.port).length)) + 1;
  const blocks = panel.nodes.map((node) => {
    const mark = node.name === panel.learnerAt ? chalk.bold(HERE) : ELSEWHERE;
    const heading = `${mark}${chalk.bold(padToWidth(node.name, nameWidth))}  ${chalk.dim(padToWidth(`:${node.port}`, portWidth))}  ${roleOf(node, chalk, t)}`;
    const details = detailsOf(node, t);
    const detailLines = packDetails(details, width).map((line) => chalk.dim(line));
    return [truncateToWidth(heading, width), ...detailLines];
  });
  const out = [chalk.bold(t.panelTitle(panel.kind))];
  let shown = 0;
  for (const block of blocks) {
    // A row stays for "… n more" unless this is the last node.
    const room = height - out.length - (shown < blocks.length - 1 ? 1 : 0);
    if (block.length > room) break;
    out.push(...block);
    shown += 1;
  }
  if (shown < blocks.length) out.push(chalk.dim(`… +${blocks.length - shown}`));
  else if (panel.learnerAt !== undefined && out.length < height) out.push(chalk.dim(`${HERE}${t.youAreHere}`));
  return out;
}

/**
 * A node's details under it, joined by ` · ` and broken only between them
 * (`lag 0 s` never loses its unit to the next line); a detail wider than
 * the line wraps at its spaces.
 */
function packDetails(details: readonly string[], width: number): string[] {
  const room = width - DETAIL_INDENT.length;
  const lines: string[] = [];
  let line = '';
  for (const detail of details) {
    const longer = line === '' ? detail : `${line} · ${detail}`;
    if (stringWidth(longer) <= room || line === '') line = longer;
    else {
      lines.push(line);
      line = detail;
    }
  }
  if (line !== '') lines.push(line);
  return lines.flatMap((packed) => wordWrap(DETAIL_INDENT + packed, width, DETAIL_INDENT));
}

/** The role the node claims now, or why it claims none (down, paused, silent). */
function roleOf(node: PanelNode, chalk: ChalkInstance, t: LabTexts): string {
  switch (node.state) {
    case 'down':
      return chalk.red(t.down);
    case 'paused':
      return chalk.yellow(t.paused);
    case 'not-answering':
      return chalk.yellow(t.notAnswering);
    case 'up':
      if (node.role === 'master') return chalk.green('master');
      if (node.role === 'replica') return chalk.cyan('replica');
      return chalk.magenta(node.role ?? '?');
  }
}

function detailsOf(node: PanelNode, t: LabTexts): string[] {
  if (node.state !== 'up') return [];
  const details: string[] = [];
  if (node.role === 'sentinel') {
    details.push(node.master !== undefined ? t.seesMaster(node.master) : t.seesNoMaster);
    if (node.sentinel) details.push(t.otherSentinels(node.sentinel.otherSentinels), t.replicas(node.sentinel.replicas));
    return details;
  }
  if (node.role === 'replica' && node.master !== undefined) details.push(`→ ${node.master}`);
  // A master's offset only means something beside its replicas' (a lone server's is noise).
  if (node.offset !== undefined && (node.role === 'replica' || (node.replicas ?? 0) > 0)) details.push(t.offset(node.offset));
  if (node.lag !== undefined) details.push(t.lag(node.lag));
  if (node.role === 'replica' && node.link !== undefined && node.link !== 'connected') details.push(t.link(node.link));
  if (node.role === 'master' && node.replicas !== undefined && node.replicas > 0) details.push(t.replicas(node.replicas));
  if (node.clusterState !== undefined) {
    if (node.role === 'master') details.push(node.slots && node.slots.length > 0 ? t.slots(node.slots.join(' ')) : t.noSlots);
    if (node.clusterState !== 'ok') details.push(t.clusterState(node.clusterState));
  }
  return details;
}
