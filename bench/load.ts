// One measurement: autocannon's programmatic API, each request chosen by the caller (a page, a user's
// cookie, maybe an action's body). Latency percentiles are computed from every response time, so
// p95 is exact (autocannon's own summary has p90 and p97.5, not p95).
import autocannon, { type RequestData } from 'autocannon';
import { createRandom } from '@/domain/random';
import { cpuBetween, snapshot, type CpuUse } from './cpu';

export type Target = {
  path: string;
  cookie: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Judges the response body (e.g. a server action's { ok }); false counts as an error. */
  check?: (status: number, body: string) => boolean;
};

export type LoadResult = {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Non-2xx responses, socket errors and timeouts, responses a check refused, requests unanswered at the end. */
  errors: number;
  /** Requests sent when not a single one was answered within the measurement (a page far too slow). */
  unanswered: number;
  non2xx: number;
  socketErrors: number;
  refused: number;
  statusCodes: Record<string, number>;
  cpu: CpuUse;
  /** Server CPU per answered request, in ms (see CpuUse). */
  cpuMsPerRequest: number;
};

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export async function runLoad(params: {
  url: string;
  connections: number;
  seconds: number;
  /** Requests per second over all connections; unlimited when absent. */
  rate?: number;
  next: () => Target;
  /** Processes whose CPU is ours (the server): the rest of the machine's load is reported apart. */
  pids?: readonly number[];
}): Promise<LoadResult> {
  const pids = [process.pid, ...(params.pids ?? [])];
  const latencies: number[] = [];
  let refused = 0;
  // Reading bodies costs the load generator CPU: only when some target checks its response.
  const probe = params.next();
  let pending: Target | undefined = probe;
  const next = () => {
    const target = pending ?? params.next();
    pending = undefined;
    return target;
  };
  const instance = autocannon({
    url: params.url,
    connections: params.connections,
    duration: params.seconds,
    timeout: 30,
    ...(params.rate ? { overallRate: params.rate } : {}),
    requests: [
      {
        setupRequest(request: RequestData, context: Record<string, unknown>) {
          const target = next();
          context.target = target;
          request.method = target.method ?? 'GET';
          request.path = target.path;
          request.headers = { ...request.headers, cookie: target.cookie, ...target.headers };
          if (target.body !== undefined) request.body = target.body;
          return request;
        },
        ...(probe.check
          ? {
              onResponse(status: number, body: string, context: Record<string, unknown>) {
                const target = context.target as Target | undefined;
                if (target?.check && !target.check(status, body)) refused += 1;
              },
            }
          : {}),
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const before = snapshot(pids, params.pids ?? []);
  const result = await instance;
  const cpu = cpuBetween(before, snapshot(pids, params.pids ?? []));
  latencies.sort((a, b) => a - b);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  const requests = latencies.length;
  // Each connection has one request in flight when the time is up; only a page that answered
  // nothing at all within the measurement is reported as unanswered.
  const unanswered = requests === 0 ? (result.requests.sent ?? 0) : 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requests,
    seconds: result.duration,
    rps: Math.round((requests / result.duration) * 10) / 10,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? 0),
    errors: result.non2xx + result.errors + refused + unanswered,
    unanswered,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    refused,
    statusCodes,
    cpu,
    cpuMsPerRequest: requests > 0 ? round(cpu.serverMs / requests) : 0,
  };
}

/**
 * Open-loop load: requests arrive at `rate` per second with exponential gaps (a Poisson process, as
 * independent users' taps do), each sent when its time comes whether or not earlier ones have been
 * answered. autocannon's rate limit starts every connection's request at the same instant — ten
 * writes at once every 200 ms — so its latencies measured the bursts, not the server. Used for the
 * mixed write measurement; pages at full load keep autocannon.
 */
export async function runArrivals(params: {
  url: string;
  seconds: number;
  rate: number;
  next: () => Target;
  pids?: readonly number[];
  /** Seed of the arrival times, so two runs send the same pattern. */
  seed?: string;
}): Promise<LoadResult> {
  const pids = [process.pid, ...(params.pids ?? [])];
  const random = createRandom(params.seed ?? 'arrivals');
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let non2xx = 0;
  let socketErrors = 0;
  let refused = 0;
  const inFlight: Promise<void>[] = [];
  const send = async (target: Target) => {
    const started = performance.now();
    try {
      const response = await fetch(params.url + target.path, {
        method: target.method ?? 'GET',
        headers: { cookie: target.cookie, ...target.headers },
        body: target.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
      const body = await response.text();
      latencies.push(performance.now() - started);
      statusCodes[response.status] = (statusCodes[response.status] ?? 0) + 1;
      if (response.status < 200 || response.status >= 300) non2xx += 1;
      else if (target.check && !target.check(response.status, body)) refused += 1;
    } catch {
      socketErrors += 1;
    }
  };
  const before = snapshot(pids, params.pids ?? []);
  const start = performance.now();
  const end = start + params.seconds * 1000;
  for (let at = start; ; ) {
    at += (-Math.log(1 - random()) / params.rate) * 1000;
    if (at >= end) break;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(params.next()));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuBetween(before, snapshot(pids, params.pids ?? []));
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const requests = latencies.length;
  return {
    requests,
    seconds: Math.round(seconds * 10) / 10,
    rps: Math.round((requests / params.seconds) * 10) / 10,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? 0),
    errors: non2xx + socketErrors + refused,
    unanswered: 0,
    non2xx,
    socketErrors,
    refused,
    statusCodes,
    cpu,
    cpuMsPerRequest: requests > 0 ? round(cpu.serverMs / requests) : 0,
  };
}
