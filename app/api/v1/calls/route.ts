import { getDb } from '@/db/client';
import { handleCallsImport } from './handler';

export async function POST(request: Request): Promise<Response> {
  return handleCallsImport(getDb(), request, Date.now());
}
