// The part of zod/mini that input schemas use, re-exported by name; lib/validation.ts hands it out as
// `z`. Why not `import * as z from 'zod/mini'; export { z }`: a namespace object that leaves its
// module makes the bundler keep everything the namespace can reach — all of zod's core with its 60
// locales and the JSON Schema generator, about 75 kB gzip in every page with a form. Named
// re-exports keep only these. A schema needing another zod/mini function adds it here.
export {
  array,
  boolean,
  coerce,
  config,
  enum,
  extend,
  gte,
  instanceof,
  int,
  literal,
  lte,
  maxLength,
  minLength,
  object,
  optional,
  pipe,
  positive,
  record,
  refine,
  regex,
  safeParse,
  string,
  superRefine,
  transform,
  trim,
  union,
  unknown,
} from 'zod/mini';
export type { input, output, ZodMiniType } from 'zod/mini';
export type * as core from 'zod/v4/core';
