// react-hook-form's zodResolver for a schema loaded after the page is interactive. A form needs its
// schema only to validate, never to render, and zod with the schemas is about 20 kB gzip that every
// form page would otherwise download and run before the first tap (docs/decisions/010-performance.md).
// The schema is fetched as soon as the browser is idle after hydration, so by the time someone
// submits it is almost always there; if not, the first validation waits for it. It is the same
// schema module the server action parses with.
import type { FieldValues, Resolver } from 'react-hook-form';
import type * as core from 'zod/v4/core';

type FormSchema = core.$ZodType<unknown, FieldValues>;

/**
 * `load` (a dynamic import) runs once, when the browser is first idle or when its result is first
 * asked for, whichever comes first. A failed download (a phone between cells) is retried at the next ask.
 */
export function loadWhenIdle<T>(load: () => Promise<T>): () => Promise<T> {
  let ready: Promise<T> | undefined;
  const get = () =>
    (ready ??= load().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
  if (typeof window !== 'undefined') {
    const prefetch = () => void get().catch(() => undefined);
    if ('requestIdleCallback' in window) window.requestIdleCallback(prefetch);
    else setTimeout(prefetch, 200);
  }
  return get;
}

/**
 * `loadSchema` is `() => import('./schema').then((m) => m.someSchema)`: a dynamic import, so the
 * bundler splits it off. `raw` is zodResolver's: submit the values as typed, the server parses them.
 * The context is `any`, as zodResolver's own.
 */
export function lazyZodResolver<S extends FormSchema>(loadSchema: () => Promise<S>): Resolver<core.input<S>, any, core.output<S>>;
export function lazyZodResolver<S extends FormSchema>(loadSchema: () => Promise<S>, settings: { raw: true }): Resolver<core.input<S>, any, core.input<S>>;
export function lazyZodResolver<S extends FormSchema>(loadSchema: () => Promise<S>, settings?: { raw: true }): Resolver<FieldValues> {
  const resolver = loadWhenIdle(() =>
    Promise.all([import('@hookform/resolvers/zod'), loadSchema()]).then(
      ([{ zodResolver }, schema]) =>
        (settings?.raw ? zodResolver(schema, undefined, { raw: true }) : zodResolver(schema)) as unknown as Resolver<FieldValues>,
    ),
  );
  return async (values, context, options) => (await resolver())(values, context, options);
}
