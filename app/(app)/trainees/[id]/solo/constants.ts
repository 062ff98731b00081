// Zod-free so the result forms can list the choices without loading their schema up front.
export const SOLO_RESULTS = ['passed', 'failed'] as const;
