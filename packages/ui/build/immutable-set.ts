/**
 * What `lodash/fp/set` and `lodash/fp/unset` do, without lodash/fp's currying machinery
 * (`_baseConvert`, `_mapping`, `_createWrap` and their helpers: about 9 KB gz of the form chunk for
 * two calls). JSON Forms' reducer is their only user in the apps and always passes every argument,
 * so only the immutable part is needed: copy each object along the path, then set or unset on the
 * copy with lodash's own `set` / `unset` (so paths, array indices and created containers are lodash's).
 * The copy is `cloneByPath` of lodash/fp/_baseConvert.js, line for line.
 */

type Path = string | readonly (string | number)[];

/** The lodash functions the two need, passed in so that this file stays free of lodash's typings. */
export interface LodashParts {
  set(object: object, path: Path, value: unknown): unknown;
  unset(object: object, path: Path): boolean;
  clone<T>(value: T): T;
  toPath(path: Path): string[];
  isFunction(value: unknown): boolean;
  isError(value: unknown): boolean;
  isWeakMap(value: unknown): boolean;
}

export interface ImmutableSetters {
  /** `fp.set(path, value, object)`: a copy of `object` with `value` at `path`. */
  setFp(path: Path, value: unknown, object: unknown): object;
  /** `fp.unset(path, object)`: a copy of `object` without `path`. */
  unsetFp(path: Path, object: unknown): object;
}

export function immutableSetters(lodash: LodashParts): ImmutableSetters {
  const cloneByPath = (object: unknown, path: Path): object => {
    const keys = lodash.toPath(path);
    const lastIndex = keys.length - 1;
    const result = lodash.clone(Object(object) as Record<string, unknown>);
    let nested: Record<string, unknown> | null | undefined = result;
    for (let index = 0; nested != null && index < keys.length; index++) {
      const key = keys[index] as string;
      const value = nested[key];
      if (value != null && !(lodash.isFunction(value) || lodash.isError(value) || lodash.isWeakMap(value))) {
        nested[key] = lodash.clone(index == lastIndex ? value : Object(value));
      }
      nested = nested[key] as Record<string, unknown> | null | undefined;
    }
    return result;
  };
  return {
    setFp(path, value, object) {
      const result = cloneByPath(object, path);
      lodash.set(result, path, value);
      return result;
    },
    unsetFp(path, object) {
      const result = cloneByPath(object, path);
      lodash.unset(result, path);
      return result;
    },
  };
}
