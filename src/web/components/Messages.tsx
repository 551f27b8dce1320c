/** A polite live region. Always rendered, so screen readers notice when its text changes. */
export function StatusMessage({ message }: { message: string | undefined }) {
  return (
    <p role="status" className={message ? 'status' : 'status status-empty'}>
      {message}
    </p>
  );
}

/** An assertive message (errors). Rendered only while there is something to say. */
export function AlertMessage({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="alert">
      {message}
    </p>
  );
}
