// One measurement: autocannon's programmatic API, each request chosen by the caller (a page, a user's
// cookie, maybe an action's body). Latency percentiles are computed from every response time, so
// p95 is exact (autocannon's own summary has p90 and p97.5, not p95).
import autocannon, { type RequestData } from 'autocannon';
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
