/** The filter bar above a console list: a GET form whose fields become the page's query. */
import type { Child, FC } from "hono/jsx";

export const FilterForm: FC<{
  action: string;
  /** Names the form for screen readers ("Filter listings"). */
  label: string;
  submit: string;
  children?: Child;
}> = (p) => (
  <form method="get" action={p.action} class="filters" aria-label={p.label}>
    {p.children}
    <div class="field">
      <button type="submit" class="button secondary">
        {p.submit}
      </button>
    </div>
  </form>
);
