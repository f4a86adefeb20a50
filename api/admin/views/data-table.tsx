/** A console table: scrolls sideways on narrow screens, captioned for screen readers. */
import type { Child, FC } from "hono/jsx";

export const DataTable: FC<{
  caption: string;
  columns: string[];
  /** The body rows, one `<tr>` per record, a cell per column. */
  children?: Child;
}> = (p) => (
  <div class="table-scroll">
    <table>
      <caption class="visually-hidden">{p.caption}</caption>
      <thead>
        <tr>
          {p.columns.map((column) => (
            <th scope="col">{column}</th>
          ))}
        </tr>
      </thead>
      <tbody>{p.children}</tbody>
    </table>
  </div>
);
