// Auth.js's session cookie: `__Secure-` prefixed when served over https, plain otherwise.
// Kept free of server-only imports so proxy.ts can use it too.
export const SESSION_COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;
