import { z } from '@/lib/validation';

export const signInSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(256)),
  next: z.optional(z.string().check(z.maxLength(512))),
});
export type SignInInput = z.input<typeof signInSchema>;
