// A form whose submit runs an action in place: the browser's own submit (a page load) never
// happens, so Enter in a field and the submit button do the same thing.
import type { FormHTMLAttributes } from 'react';

export function SubmitForm({ onSubmit, children, ...attributes }: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & { onSubmit(): void }) {
  return (
    <form
      {...attributes}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
