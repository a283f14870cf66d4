/**
 * What a Redis reply becomes once the engine looks at it: plain strings,
 * numbers, null, lists and maps, so exercise authors can write expectations
 * in YAML without knowing RESP. Errors stay distinguishable from text.
 */
export type Value = string | number | boolean | null | ErrorValue | Value[] | ValueMap;

export interface ValueMap {
  [field: string]: Value;
}

/** A Redis error reply ("-ERR ...", "-NOPERM ..."), kept apart from ordinary text. */
export class ErrorValue {
  constructor(readonly message: string) {}

  toJSON(): { error: string } {
    return { error: this.message };
  }
}

export function isErrorValue(value: unknown): value is ErrorValue {
  return value instanceof ErrorValue;
}

export function isValueMap(value: Value): value is ValueMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ErrorValue);
}
