/** A failed action's message in a participation section, read out at once (`role="alert"`); nothing without one. */
export function ErrorLine({ error, testId }: { error: string | null; testId?: string }) {
  if (!error) return null;
  return (
    <p className="pp-error" role="alert" data-testid={testId}>
      {error}
    </p>
  );
}
