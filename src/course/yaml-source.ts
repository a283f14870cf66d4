import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { CourseProblem } from './course-problems.js';
import type { PathSegment, SourceLocation } from './schema.js';

/** A parsed YAML file that can say where any of its values is. */
export interface YamlSource {
  file: string;
  /** The plain data; undefined when the file has syntax errors. */
  value: unknown;
  /** Syntax errors (and yaml's warnings), with positions. */
  problems: CourseProblem[];
  /** Where the value at `path` starts; the nearest existing parent when it is absent. */
  locate: (path: readonly PathSegment[]) => SourceLocation;
  /** Where the key `key` of the map at `path` is written; falls back to the map. */
  locateKey: (path: readonly PathSegment[], key: string) => SourceLocation;
  /**
   * Where line `lineIndex` (0-based) of the text at `path` is: block scalars
   * (`|`) start on the line after their indicator.
   */
  locateTextLine: (path: readonly PathSegment[], lineIndex: number) => SourceLocation;
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const problems: CourseProblem[] = [
    ...doc.errors.map((error) => syntaxProblem(file, 'error', error.message, error.linePos?.[0])),
    ...doc.warnings.map((warning) => syntaxProblem(file, 'warning', warning.message, warning.linePos?.[0])),
  ];
  const value: unknown = doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
  const sourceLines = text.split(/\r?\n/);

  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const start = (node: Node | null | undefined): SourceLocation => at(node?.range?.[0] ?? 0);

  return {
    file,
    value,
    problems,
    locate: (path) => start(walk(doc, path).node),
    locateKey: (path, key) => {
      const { node, complete } = walk(doc, path);
      if (complete && isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
        if (pair && isScalar(pair.key)) return start(pair.key);
      }
      return start(node);
    },
    locateTextLine: (path, lineIndex) => {
      const { node, complete } = walk(doc, path);
      const origin = start(node);
      if (!complete || !isScalar(node)) return origin;
      const isBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      const line = origin.line + (isBlock ? 1 : 0) + lineIndex;
      const source = sourceLines[line - 1];
      if (source === undefined) return origin;
      const column = isBlock ? source.search(/\S/) + 1 : origin.column;
      return { file, line, column: Math.max(column, 1) };
    },
  };
}

/** Follows `path` through the document as far as it exists. */
function walk(doc: Document, path: readonly PathSegment[]): { node: Node | null; complete: boolean } {
  let node: Node | null = doc.contents;
  for (const segment of path) {
    let next: Node | null | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      next = pair?.value as Node | null | undefined;
      // `key:` with no value: the key is the best place to point at.
      if (pair && next == null && isScalar(pair.key)) return { node: pair.key, complete: false };
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] as Node | null | undefined;
    }
    if (next == null) return { node, complete: false };
    node = next;
  }
  return { node, complete: true };
}

function syntaxProblem(
  file: string,
  severity: CourseProblem['severity'],
  prettyMessage: string,
  position: { line: number; col: number } | undefined,
): CourseProblem {
  // yaml appends " at line L, column C:" and a code excerpt; the position is ours to print.
  const firstLine = prettyMessage.split('\n')[0] ?? prettyMessage;
  const message = firstLine.replace(/ at line \d+, column \d+:?$/, '');
  return {
    severity,
    code: 'yaml-syntax',
    file,
    ...(position ? { line: position.line, column: position.col } : {}),
    message: `YAML syntax: ${message}`,
  };
}
