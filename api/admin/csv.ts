/**
 * CSV as RFC 4180 has it: fields separated by commas, records by CRLF; a field holding a comma,
 * quote, CR or LF is quoted, with quotes doubled. The parser also accepts bare LF line ends and a
 * UTF-8 byte order mark, as spreadsheets write them.
 */

export class CsvError extends Error {
  override name = "CsvError";
}

/** Cells that a spreadsheet would run as a formula are prefixed with an apostrophe on export. */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string, protectFormulas: boolean): string {
  const text = protectFormulas && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Serialises rows (the first is usually the header). `protectFormulas` guards against CSV
 * injection when the file is opened in a spreadsheet; the importer strips the apostrophe again.
 */
export function toCsv(rows: readonly (readonly string[])[], protectFormulas = true): string {
  return rows.map((row) => `${row.map((v) => field(v, protectFormulas)).join(",")}\r\n`).join("");
}

/** Parses CSV text into rows of fields. Throws CsvError on an unterminated quote. */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let value = "";
  let quoted = false;
  let i = 0;
  let line = 1;
  let quoteLine = 0;
  const endField = () => {
    row.push(value);
    value = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          value += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
          throw new CsvError(`Line ${line}: a closing quote must end the field.`);
        }
        continue;
      }
      if (ch === "\n") line++;
      value += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (value !== "") throw new CsvError(`Line ${line}: a quote may only start a field.`);
      quoted = true;
      quoteLine = line;
      i++;
    } else if (ch === ",") {
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
    } else {
      value += ch;
      i++;
    }
  }
  if (quoted) throw new CsvError(`Line ${quoteLine}: a quoted field is never closed.`);
  if (value !== "" || row.length > 0) endRow();
  return rows;
}

/** Undoes the formula guard of toCsv. */
export const unprotect = (value: string) =>
  value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
