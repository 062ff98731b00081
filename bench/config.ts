// What the benchmark generates and what it must reach. The numbers live here once:
// the data sizes, the bench's fixed "today", the load shapes and the targets.
import type { IsoDate } from '@/domain/dates';

/**
 * Bump when the generated data changes shape: cached databases under bench/.cache/ are keyed by
 * size and this version, so a stale cache is never measured.
 */
export const GENERATOR_VERSION = 7;

/**
 * The bench's organisation day. A Wednesday in an ordinary week inside the holiday file's years,
 * so every stage has trainees on a working day whatever day the bench runs; the server's clock is
 * shifted to it (bench/fixed-clock.mjs).
 */
export const BENCH_TODAY: IsoDate = '2026-11-25';

/** Every generated account signs in with this password (the demo's, so a person can look around). */
export const BENCH_PASSWORD = 'demo-pass-2026';

export type SizeName = 'small' | 'default' | 'large';

export type SizeSpec = {
  trainees: number;
  cohorts: number;
  mentors: number;
  leads: number;
  qa: number;
  /** Seconds each read page is loaded for. */
  pageSeconds: number;
  /** Seconds of the mixed read + write phase. */
  mixedSeconds: number;
};

// Issue 8: 5,000 trainees a year across 40 cohorts, 200 mentors, 15 qa/leads; large is 10×.
export const SIZES: Record<SizeName, SizeSpec> = {
  small: { trainees: 500, cohorts: 40, mentors: 20, leads: 8, qa: 7, pageSeconds: 6, mixedSeconds: 10 },
  default: { trainees: 5000, cohorts: 40, mentors: 200, leads: 8, qa: 7, pageSeconds: 10, mixedSeconds: 20 },
  large: { trainees: 50000, cohorts: 40, mentors: 2000, leads: 8, qa: 7, pageSeconds: 10, mixedSeconds: 20 },
};

export function parseSize(value: string | undefined): SizeName {
  const size = value ?? 'default';
  if (size !== 'small' && size !== 'default' && size !== 'large') throw new Error(`--size must be small, default or large (got ${size})`);
  return size;
}

/** Concurrent connections for the read measurements (the "at 20 connections"). */
export const CONNECTIONS = 20;

export const TARGETS = {
  /** Each key dynamic page serves at least this share of the framework floor's req/s. */
  pageRatioOfFloor: 0.8,
  pageP95Ms: 200,
  /** The prerendered lesson is served from disk: at least this many times the floor. */
  staticRatioOfFloor: 10,
  writesPerSecond: 50,
  writeP99Ms: 100,
  /** First-load JavaScript per route, gzip. */
  firstLoadJsKb: 150,
} as const;

/**
 * Page reads sent alongside the writes in the mixed phase (trainees' today pages, records, mentors'
 * queues and review forms): the floor's other users, at a rate the server sustains, so the write
 * latency measured is the writes' own and not a queue behind saturating reads.
 */
export const MIXED_READS_PER_SECOND = 20;
