import type { Label } from "../../schema/taxonomy.js";

/** One language's labels from a taxonomy table: `{ code: { en, cy } }` → `{ code: text }`. */
export function pickLang<K extends string>(
  labels: Record<K, Label>,
  lang: keyof Label,
): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const code of Object.keys(labels) as K[]) out[code] = labels[code][lang];
  return out;
}
