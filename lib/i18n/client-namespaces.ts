// Catalogue namespaces that client components translate with; everything else renders on the server
// and never ships to the browser. Add a namespace here when a client component needs it.
export const CLIENT_NAMESPACES = ['common', 'auth', 'validation', 'errors', 'forms', 'review', 'classroom', 'floor', 'enrol', 'plan', 'calls', 'sampling', 'users', 'account', 'assessment', 'probation'] as const;
