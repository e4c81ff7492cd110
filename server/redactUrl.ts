/** A connection URL without its password, for messages and logs (DATABASE_URL, REDIS_URL). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unreadable URL)';
  }
}
