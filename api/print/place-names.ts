import type { Lang } from "../../schema/taxonomy.js";

/**
 * The Welsh names of the councils and health boards of Wales, keyed by the English names the
 * geography data uses. Places outside Wales keep their one name.
 */
export const WELSH_PLACE_NAMES: Readonly<Record<string, string>> = {
  "Isle of Anglesey": "Ynys Môn",
  Denbighshire: "Sir Ddinbych",
  Flintshire: "Sir y Fflint",
  Wrexham: "Wrecsam",
  Pembrokeshire: "Sir Benfro",
  Carmarthenshire: "Sir Gaerfyrddin",
  Swansea: "Abertawe",
  "Neath Port Talbot": "Castell-nedd Port Talbot",
  Bridgend: "Pen-y-bont ar Ogwr",
  "Vale of Glamorgan": "Bro Morgannwg",
  Cardiff: "Caerdydd",
  Caerphilly: "Caerffili",
  Torfaen: "Tor-faen",
  Monmouthshire: "Sir Fynwy",
  Newport: "Casnewydd",
  "Merthyr Tydfil": "Merthyr Tudful",
  "Betsi Cadwaladr University Health Board": "Bwrdd Iechyd Prifysgol Betsi Cadwaladr",
  "Powys Teaching Health Board": "Bwrdd Iechyd Addysgu Powys",
  "Hywel Dda University Health Board": "Bwrdd Iechyd Prifysgol Hywel Dda",
  "Aneurin Bevan University Health Board": "Bwrdd Iechyd Prifysgol Aneurin Bevan",
  "Cardiff and Vale University Health Board": "Bwrdd Iechyd Prifysgol Caerdydd a’r Fro",
  "Cwm Taf Morgannwg University Health Board": "Bwrdd Iechyd Prifysgol Cwm Taf Morgannwg",
  "Swansea Bay University Health Board": "Bwrdd Iechyd Prifysgol Bae Abertawe",
};

/**
 * A place name in the reader's language, where it has a Welsh one, without the data's
 * inverted forms: "Bristol, City of" is printed "Bristol".
 */
export function placeName(name: string, lang: Lang): string {
  const named = lang === "cy" ? (WELSH_PLACE_NAMES[name] ?? name) : name;
  return named.replace(/,\s*(City|County) of$/, "");
}
