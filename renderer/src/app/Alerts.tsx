// How screens show a failure and the outcome of a save: one alert element, so every error is
// announced the same way (role="alert") and looks the same.

/** An error message, or nothing. `inline` keeps it in a row of buttons. */
export function ErrorAlert({ message, className = '', inline = false }: { message: string | null | undefined; className?: string; inline?: boolean }) {
  if (!message) return null;
  const cls = `error ${className}`.trim();
  return inline ? (
    <span className={cls} role="alert">
      {message}
    </span>
  ) : (
    <p className={cls} role="alert">
      {message}
    </p>
  );
}

/** "Saved." after a save went through, or the reason it did not. */
export function SaveStatus({ saved, error }: { saved: boolean; error: string | null }) {
  return (
    <>
      {saved && <span className="ok">Saved.</span>}
      <ErrorAlert message={error} inline />
    </>
  );
}
