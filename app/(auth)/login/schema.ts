import { z } from '@/lib/validation';

export const signInSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  next: z.string().max(512).optional(),
});
export type SignInInput = z.input<typeof signInSchema>;
