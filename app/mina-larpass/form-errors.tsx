/** The form's errors that belong to no field (a broken hidden field counts as the form's own). */
export function FormErrors({ errors }: { errors: Partial<Record<string, string>> }) {
  const messages = [errors.form, errors.larpassId, errors.version].filter((m): m is string => Boolean(m));
  if (messages.length === 0) return null;
  return (
    <div id="fel-sammanfattning" tabIndex={-1} className="notice" role="alert">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
