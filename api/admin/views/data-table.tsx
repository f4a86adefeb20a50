/** A console table, captioned for screen readers. */
import type { Child, FC } from "hono/jsx";

/**
 * Table roles, said out loud: some browsers (Safari) drop a table's semantics when its rows are
 * laid out as blocks, as the cards are; explicit roles keep them (redundant where they are not).
 */
const role = (r: "table" | "rowgroup" | "row" | "columnheader" | "cell") => ({ role: r });

export const DataTable: FC<{
  caption: string;
  columns: string[];
  /**
   * The rows as cells, one per column: each row becomes a card on narrow screens (under 40rem),
   * its cells labelled with their column, so nothing scrolls sideways. Explicit table roles keep
   * it a table for screen readers however it is laid out.
   */
  rows?: Child[][];
  /** Or the body rows as `<tr>` elements, a cell per column: these scroll sideways when narrow. */
  children?: Child;
}> = (p) =>
  p.rows ? (
    <table class="stack" {...role("table")}>
      <caption class="visually-hidden">{p.caption}</caption>
      <thead {...role("rowgroup")}>
        <tr {...role("row")}>
          {p.columns.map((column) => (
            <th scope="col" {...role("columnheader")}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody {...role("rowgroup")}>
        {p.rows.map((cells) => (
          <tr {...role("row")}>
            {cells.map((cell, i) => (
              <td {...role("cell")} data-label={p.columns[i]}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  ) : (
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
