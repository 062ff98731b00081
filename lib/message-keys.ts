// Validation and error messages travel as keys, not prose, so the browser and the server show the
// same message in the user's language. This module has no zod in it: components that only show
// messages (components/form-messages.tsx) import it without bringing a validator to the browser.

/** A key plus its parameters, serialised into a zod issue message: `validation.too_small{"minimum":8}`. */
export function encodeMessage(key: string, params?: Record<string, string | number>): string {
  return params && Object.keys(params).length > 0 ? `${key}${JSON.stringify(params)}` : key;
}

export function decodeMessage(message: string): { key: string; params: Record<string, string | number> } {
  const brace = message.indexOf('{');
  if (brace <= 0) return { key: message, params: {} };
  try {
    return { key: message.slice(0, brace), params: JSON.parse(message.slice(brace)) };
  } catch {
    return { key: message, params: {} };
  }
}
