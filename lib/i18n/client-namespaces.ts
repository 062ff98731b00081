// Catalogue namespaces that ship to the browser. Everything else renders on the server and never
// leaves it. The root layout sends only `common`, which the shell's own client parts use; a layout
// whose pages render client forms wraps them in <ClientMessages> (components/client-messages.tsx)
// with the namespaces they need, and every form also gets the ones its error messages come from.
// So a page pays only for what it shows: /today and the dashboards ship no catalogue but `common`.
// lib/i18n/client-namespaces.test.ts checks every page provides what its client components need.
export const ROOT_CLIENT_NAMESPACES = ['common'] as const;
export const FORM_CLIENT_NAMESPACES = ['common', 'validation', 'errors'] as const;
