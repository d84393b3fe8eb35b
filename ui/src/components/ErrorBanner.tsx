import type { ErrorDto } from "../bindings/ErrorDto";

/** An error's message (already in the user's language), and its problems that belong to no field. */
export function ErrorBanner({ error, extra }: { error: ErrorDto | null; extra?: readonly { message: string }[] }) {
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <div>{error.message}</div>
      {extra && extra.length > 0 && (
        <ul>
          {extra.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
