import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Lets parallel builds (a second checkout's e2e run, the benchmark) keep their own output.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // NEXT_BROWSER_SOURCEMAPS=1: source maps of the browser bundles, to see which modules make up a
  // page's first-load JavaScript (docs/decisions/010-performance.md).
  productionBrowserSourceMaps: process.env.NEXT_BROWSER_SOURCEMAPS === '1',
  typedRoutes: false,
  // `npm test` runs tsc over the whole tree; the build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
