// Any console.error during a unit test is a bug we want to see, not scroll past.
import { afterEach, vi } from 'vitest';

const errorSpy = vi.spyOn(console, 'error');
afterEach(() => {
  const calls = errorSpy.mock.calls.slice();
  errorSpy.mockClear();
  if (calls.length > 0) {
    throw new Error(`console.error was called: ${calls.map((c) => c.map(String).join(' ')).join('\n')}`);
  }
});
