// Preloaded into the benchmark's server (node --import): moves the process's clock so that the
// organisation's "today" is the bench's fixed day (bench/config.ts BENCH_TODAY), whatever day the
// bench runs. Time still advances normally from there. Only the benchmark loads this file.
const offset = Number(process.env.BENCH_CLOCK_OFFSET_MS);
if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = Date;
  const now = () => RealDate.now() + offset;
  // A function (not a class) so Date() without new still returns a string, and instanceof keeps
  // working for every date: the prototype is the real one.
  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = now;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  globalThis.Date = ShiftedDate;
}
