/** An error message, announced to screen readers as it appears. */
export function ErrorNotice({ message }: { readonly message: string | null }) {
  if (message === null) return null;
  return (
    <div className="notice error" role="alert">
      {message}
    </div>
  );
}
