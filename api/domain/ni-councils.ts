/**
 * The 11 councils of Northern Ireland (local government districts since 2015, `N09…` codes)
 * and the postcode districts each one covers, for posters. Our Northern Ireland geography is
 * district-level only (data/geo has no council shares for `BT` districts), so this table is
 * compiled by hand from Royal Mail post towns and the councils they lie in: approximate, and
 * a district that straddles two councils is listed under both. The first district is the
 * council's main town, where a poster's code opens the directory.
 */

export interface NiCouncil {
  code: string;
  name: string;
  districts: readonly string[];
}

const bt = (...numbers: number[]) => numbers.map((n) => `BT${n}`);

export const NI_COUNCILS: readonly NiCouncil[] = [
  {
    code: "N09000001",
    name: "Antrim and Newtownabbey",
    districts: bt(36, 37, 39, 41, 29, 14),
  },
  {
    code: "N09000002",
    name: "Armagh City, Banbridge and Craigavon",
    districts: bt(62, 63, 64, 65, 66, 67, 61, 60, 32, 25, 31),
  },
  {
    code: "N09000003",
    name: "Belfast",
    districts: bt(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17),
  },
  {
    code: "N09000004",
    name: "Causeway Coast and Glens",
    districts: bt(52, 51, 53, 54, 55, 56, 57, 49, 44),
  },
  { code: "N09000005", name: "Derry City and Strabane", districts: bt(48, 47, 82, 81) },
  {
    code: "N09000006",
    name: "Fermanagh and Omagh",
    districts: bt(74, 78, 79, 75, 92, 93, 94),
  },
  {
    code: "N09000007",
    name: "Lisburn and Castlereagh",
    districts: bt(28, 27, 26, 16, 17, 5, 6, 8, 23, 24, 25, 67),
  },
  { code: "N09000008", name: "Mid and East Antrim", districts: bt(43, 42, 44, 38, 40, 39) },
  { code: "N09000009", name: "Mid Ulster", districts: bt(71, 80, 45, 46, 70, 68, 69, 76, 77) },
  {
    code: "N09000010",
    name: "Newry, Mourne and Down",
    districts: bt(34, 35, 30, 31, 33, 24, 60),
  },
  { code: "N09000011", name: "Ards and North Down", districts: bt(20, 19, 18, 21, 22, 23) },
];
