// Convenience only: send visitors without a session cookie to sign-in before rendering.
// The real guard is lib/session.ts + lib/authz.ts on the server, for every request.
import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE_NAMES } from '@/lib/session-cookie';

const PUBLIC_PREFIXES = ['/login', '/verify', '/api/auth', '/api/v1', '/_next', '/favicon'];

// Next.js's own limit for a server action's body (serverActions.bodySizeLimit, default 1 MB).
const ACTION_BODY_LIMIT = 1024 * 1024;

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Two malformed requests Next.js itself answers with a 500: a path that isn't valid percent-encoding
  // (/verify/%E0%A4) and a server action body over its limit. Both are the client's error.
  if (!isDecodable(pathname)) return new NextResponse('Bad request', { status: 400 });
  if (request.method === 'POST' && request.headers.has('next-action') && Number(request.headers.get('content-length') ?? 0) > ACTION_BODY_LIMIT) {
    return new NextResponse('Payload too large', { status: 413 });
  }
  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  if (SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|lessons-static).*)'],
};
