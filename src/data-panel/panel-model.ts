import stringWidth from 'string-width';
import { padToWidth, truncateToWidth } from '../markdown/text-width.js';
import type { Language } from '../course/schema.js';
import type { KeySnapshot } from './key-snapshot.js';
import { panelTexts, type PanelTexts } from './panel-texts.js';

/**
 * The data panel as pictures: each key as lines of toned segments, laid
 * out for a width. Pure; the Ink component maps tones to colours.
 */
export type Tone = 'key' | 'type' | 'value' | 'index' | 'border' | 'chip' | 'bar' | 'ttl' | 'expiring' | 'missing' | 'dim';

export interface Segment {
  text: string;
  tone: Tone;
}

export type PictureLine = Segment[];

export interface KeyPicture {
  key: string;
  /** Redis type, or `none` when the key does not exist. */
  type: string;
  /** PTTL when read, and when; the countdown is computed at render time. */
  pttl: number;
  fetchedAt: number;
  /** The picture without its heading line (the heading carries the TTL, which ticks). */
  body: PictureLine[];
  /** Whether the exercise names this key (else the learner touched it). */
  pinned: boolean;
  /** Items, members, fields, entries or bytes, for the heading. */
  size: number | undefined;
}

export interface PanelModel {
  keys: KeyPicture[];
  /** Keys left out for lack of room. */
  hidden: number;
}

export interface PanelOptions {
  width: number;
  /** Keys the exercise is about: always first, shown even when missing. */
  pinned: readonly string[];
  /** The learner's language, for the words around the data ("(no such key)", "… 3 more items"). */
  language: Language;
}

const MAX_CELL = 14;

export function buildPanel(snapshots: readonly KeySnapshot[], options: PanelOptions): PanelModel {
  const width = Math.max(16, options.width);
  const pinned = new Set(options.pinned);
  const t = panelTexts(options.language);
  const keys = snapshots
    // A touched key that no longer exists is noise; a pinned one shows that it is missing.
    .filter((snapshot) => snapshot.type !== 'none' || pinned.has(snapshot.key))
    .map((snapshot) => ({
      key: snapshot.key,
      type: snapshot.type === 'other' ? snapshot.redisType : snapshot.type,
      pttl: snapshot.pttl,
      fetchedAt: snapshot.fetchedAt,
      body: pictureBody(snapshot, width, t),
      pinned: pinned.has(snapshot.key),
      size: sizeOf(snapshot),
    }));
  return { keys, hidden: 0 };
}

/** `key  list · 3   ⏱ 12s` */
export function headingLine(picture: KeyPicture, width: number, now: number, language: Language): PictureLine {
  const size = sizeLabel(picture);
  const ttl = ttlLabel(picture.pttl, picture.fetchedAt, now, language);
  const right = ttl ? ` ${ttl}` : '';
  const meta = ` ${picture.type}${size}`;
  const keyRoom = Math.max(4, width - stringWidth(meta) - stringWidth(right));
  const line: PictureLine = [
    { text: truncateToWidth(picture.key, keyRoom), tone: picture.type === 'none' ? 'missing' : 'key' },
    { text: meta, tone: 'type' },
  ];
  if (ttl) line.push({ text: right, tone: remainingMs(picture.pttl, picture.fetchedAt, now) < 10_000 ? 'expiring' : 'ttl' });
  return line;
}

function sizeLabel(picture: KeyPicture): string {
  return picture.size === undefined ? '' : ` · ${picture.size}`;
}

function sizeOf(snapshot: KeySnapshot): number | undefined {
  switch (snapshot.type) {
    case 'string':
    case 'list':
    case 'stream':
      return snapshot.length;
    case 'set':
    case 'hash':
    case 'zset':
      return snapshot.size;
    default:
      return undefined;
  }
}

export function remainingMs(pttl: number, fetchedAt: number, now: number): number {
  return pttl - (now - fetchedAt);
}

/** `TTL 12s`, `TTL 1m05s` (`TTL 12с`, `TTL 1м05с`); undefined for keys without expiry. */
export function ttlLabel(pttl: number, fetchedAt: number, now: number, language: Language): string | undefined {
  if (pttl < 0) return undefined;
  const t = panelTexts(language);
  const left = remainingMs(pttl, fetchedAt, now);
  if (left <= 0) return t.ttlExpired;
  const total = Math.ceil(left / 1000);
  const minutes = Math.floor(total / 60);
  return minutes < 60 ? t.ttl(0, minutes, total % 60) : t.ttl(Math.floor(minutes / 60), minutes % 60, 0);
}

function pictureBody(snapshot: KeySnapshot, width: number, t: PanelTexts): PictureLine[] {
  switch (snapshot.type) {
    case 'none':
      return [[{ text: `  ${t.noSuchKey}`, tone: 'missing' }]];
    case 'string':
      return stringPicture(snapshot.value, snapshot.length, width, t);
    case 'list':
      return listPicture(snapshot.items, snapshot.length, width, t);
    case 'set':
      return chipsPicture(snapshot.members, snapshot.size, width, t);
    case 'hash':
      return hashPicture(snapshot.fields, snapshot.size, width, t);
    case 'zset':
      return zsetPicture(snapshot.entries, snapshot.size, width, t);
    case 'stream':
      return streamPicture(snapshot.entries, snapshot.length, width, t);
    case 'other':
      return [[{ text: `  (${snapshot.redisType})`, tone: 'dim' }]];
  }
}

function show(value: string): string {
  // Control characters would break the layout; show them the way redis-cli escapes them.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return value.replace(/[\x00-\x1f\x7f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

function more(text: string): PictureLine {
  return [{ text: `  ${text}`, tone: 'dim' }];
}

function empty(t: PanelTexts): PictureLine[] {
  return [[{ text: `  ${t.empty}`, tone: 'dim' }]];
}

function stringPicture(value: string, length: number, width: number, t: PanelTexts): PictureLine[] {
  const quoted = `"${show(value)}"`;
  const line: PictureLine = [{ text: '  ', tone: 'dim' }, { text: truncateToWidth(quoted, width - 2), tone: 'value' }];
  const lines = [line];
  if (length > Buffer.byteLength(value) || stringWidth(quoted) > width - 2) lines.push([{ text: `  ${t.bytes(length)}`, tone: 'dim' }]);
  return lines;
}

/** Cells in boxes with their indexes underneath, as many per row as fit. */
function listPicture(items: string[], length: number, width: number, t: PanelTexts): PictureLine[] {
  if (items.length === 0) return empty(t);
  const cells = items.map((item, index) => {
    const text = truncateToWidth(show(item), MAX_CELL);
    return { text, index, w: Math.max(stringWidth(text), String(index).length) };
  });
  const lines: PictureLine[] = [];
  let row: typeof cells = [];
  let used = 2;
  const flush = () => {
    if (row.length === 0) return;
    lines.push([{ text: '  ┌' + row.map((c) => '─'.repeat(c.w + 2)).join('┬') + '┐', tone: 'border' }]);
    const middle: PictureLine = [{ text: '  │', tone: 'border' }];
    row.forEach((c) => middle.push({ text: ` ${padToWidth(c.text, c.w)} `, tone: 'value' }, { text: '│', tone: 'border' }));
    lines.push(middle);
    lines.push([{ text: '  └' + row.map((c) => '─'.repeat(c.w + 2)).join('┴') + '┘', tone: 'border' }]);
    lines.push([{ text: '   ' + row.map((c) => padToWidth(` ${c.index}`, c.w + 2)).join(' '), tone: 'index' }]);
    row = [];
    used = 2;
  };
  for (const cell of cells) {
    const cellWidth = cell.w + 3;
    if (row.length > 0 && used + cellWidth + 1 > width) flush();
    row.push(cell);
    used += cellWidth;
  }
  flush();
  if (length > items.length) lines.push(more(t.moreItems(length - items.length)));
  return lines;
}

/** Set members as chips, wrapped to the width. */
function chipsPicture(members: string[], size: number, width: number, t: PanelTexts): PictureLine[] {
  if (members.length === 0) return empty(t);
  const lines: PictureLine[] = [];
  let line: PictureLine = [{ text: ' ', tone: 'dim' }];
  let used = 1;
  for (const member of members) {
    const chip = ` ${truncateToWidth(show(member), MAX_CELL)} `;
    const w = stringWidth(chip) + 1;
    if (used + w > width && line.length > 1) {
      lines.push(line);
      line = [{ text: ' ', tone: 'dim' }];
      used = 1;
    }
    line.push({ text: ' ', tone: 'dim' }, { text: chip, tone: 'chip' });
    used += w;
  }
  lines.push(line);
  if (size > members.length) lines.push(more(t.moreMembers(size - members.length)));
  return lines;
}

/** Field | value, the field column as wide as the widest field (within reason). */
function hashPicture(fields: Array<[string, string]>, size: number, width: number, t: PanelTexts): PictureLine[] {
  if (fields.length === 0) return empty(t);
  const fieldWidth = Math.min(Math.max(...fields.map(([f]) => stringWidth(show(f)))), Math.max(6, Math.floor((width - 5) / 2)));
  const valueWidth = Math.max(4, width - fieldWidth - 5);
  const lines: PictureLine[] = fields.map(([field, value]) => [
    { text: '  ', tone: 'dim' },
    { text: padToWidth(truncateToWidth(show(field), fieldWidth), fieldWidth), tone: 'index' },
    { text: ' │ ', tone: 'border' },
    { text: truncateToWidth(show(value), valueWidth), tone: 'value' },
  ]);
  if (size > fields.length) lines.push(more(t.moreFields(size - fields.length)));
  return lines;
}

/** Members ordered by score with bars proportional to it (negative scores count from the smallest). */
function zsetPicture(entries: Array<[string, number]>, size: number, width: number, t: PanelTexts): PictureLine[] {
  if (entries.length === 0) return empty(t);
  const memberWidth = Math.min(MAX_CELL, Math.max(...entries.map(([m]) => stringWidth(show(m)))));
  const scores = entries.map(([, s]) => s);
  const scoreTexts = scores.map(formatScore);
  const scoreWidth = Math.max(...scoreTexts.map((s) => s.length));
  const barRoom = Math.max(3, width - memberWidth - scoreWidth - 6);
  const low = Math.min(0, ...scores);
  const high = Math.max(...scores);
  const span = high - low || 1;
  const lines: PictureLine[] = entries.map(([member, score], i) => {
    const length = Math.max(1, Math.round(((score - low) / span) * barRoom));
    return [
      { text: '  ', tone: 'dim' },
      { text: padToWidth(truncateToWidth(show(member), memberWidth), memberWidth), tone: 'value' },
      { text: ' ', tone: 'dim' },
      { text: '█'.repeat(length), tone: 'bar' },
      { text: ' '.repeat(barRoom - length + 1), tone: 'dim' },
      { text: (scoreTexts[i] ?? '').padStart(scoreWidth), tone: 'index' },
    ];
  });
  if (size > entries.length) lines.push(more(t.moreMembers(size - entries.length)));
  return lines;
}

function formatScore(score: number): string {
  if (score === Infinity) return 'inf';
  if (score === -Infinity) return '-inf';
  return String(score);
}

function streamPicture(entries: { id: string; fields: Array<[string, string]> }[], length: number, width: number, t: PanelTexts): PictureLine[] {
  if (entries.length === 0) return empty(t);
  const lines: PictureLine[] = [];
  if (length > entries.length) lines.push(more(t.moreOlderEntries(length - entries.length)));
  for (const entry of entries) {
    const fields = entry.fields.map(([f, v]) => `${show(f)}=${show(v)}`).join(' ');
    const idText = `  ${entry.id} `;
    lines.push([
      { text: idText, tone: 'index' },
      { text: truncateToWidth(fields, Math.max(4, width - stringWidth(idText))), tone: 'value' },
    ]);
  }
  return lines;
}
