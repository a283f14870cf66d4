/** Places in a course file, which every loaded part carries for its messages. */

/** A place in a file, 1-based, for messages such as `file.yaml:14:5: ...`. */
export interface SourceLocation {
  /** Absolute path. */
  file: string;
  line: number;
  column: number;
}

/** A step into parsed YAML: a map key or a list index. */
export type PathSegment = string | number;

/** One redis-cli line of a script (solution, setup, actor), comments and blank lines removed. */
export interface ScriptLine {
  text: string;
  location: SourceLocation;
}

/**
 * Where a path of the YAML (e.g. `['hints', 1]`) is; the nearest existing parent when it is absent.
 * A function field, not a method: it is handed on detached from its object.
 */
export type Locate = (path: readonly PathSegment[]) => SourceLocation;
