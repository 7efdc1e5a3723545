/** The inline error of a dialog: announced to screen readers, kept next to the user's input. */
export function FormError({ message }: { readonly message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" data-testid="form-error">
      {message}
    </p>
  );
}
