/**
 * A random id for a new record. `crypto.randomUUID` exists only on https and localhost;
 * a meeting server on a local network address (plain http) still needs ids.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
