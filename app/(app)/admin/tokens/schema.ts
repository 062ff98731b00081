import { requiredText, z } from '@/lib/validation';

export const createApiTokenSchema = z.object({ name: requiredText(80) });
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.int().check(z.positive()) });
export type RevokeApiTokenInput = z.input<typeof revokeApiTokenSchema>;
