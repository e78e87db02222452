/**
 * Kenya's 47 counties as a tile-grid cartogram: one equal square per county, placed by
 * hand roughly where the county lies (column west to east, row north to south), keyed by
 * the official county code. Equal tiles keep small, populous counties (Nairobi, Vihiga)
 * as visible as the vast northern ones, and nothing needs loading at run time.
 */
export interface CountyTile {
  /** Three letters, as the tile is labelled. */
  abbreviation: string;
  column: number;
  row: number;
}

export const COUNTY_TILES: Readonly<Record<number, CountyTile>> = {
  1: { abbreviation: "MSA", column: 8, row: 6 }, // Mombasa
  2: { abbreviation: "KWL", column: 8, row: 7 }, // Kwale
  3: { abbreviation: "KLF", column: 8, row: 5 }, // Kilifi
  4: { abbreviation: "TRV", column: 8, row: 4 }, // Tana River
  5: { abbreviation: "LAM", column: 9, row: 4 }, // Lamu
  6: { abbreviation: "TTV", column: 7, row: 7 }, // Taita-Taveta
  7: { abbreviation: "GRS", column: 7, row: 3 }, // Garissa
  8: { abbreviation: "WJR", column: 7, row: 1 }, // Wajir
  9: { abbreviation: "MDR", column: 8, row: 0 }, // Mandera
  10: { abbreviation: "MBT", column: 5, row: 0 }, // Marsabit
  11: { abbreviation: "ISL", column: 6, row: 2 }, // Isiolo
  12: { abbreviation: "MRU", column: 6, row: 3 }, // Meru
  13: { abbreviation: "TNT", column: 6, row: 4 }, // Tharaka-Nithi
  14: { abbreviation: "EMB", column: 7, row: 4 }, // Embu
  15: { abbreviation: "KTI", column: 7, row: 5 }, // Kitui
  16: { abbreviation: "MKS", column: 6, row: 6 }, // Machakos
  17: { abbreviation: "MKN", column: 6, row: 7 }, // Makueni
  18: { abbreviation: "NDR", column: 5, row: 3 }, // Nyandarua
  19: { abbreviation: "NYR", column: 5, row: 4 }, // Nyeri
  20: { abbreviation: "KRG", column: 6, row: 5 }, // Kirinyaga
  21: { abbreviation: "MRG", column: 5, row: 5 }, // Murang'a
  22: { abbreviation: "KBU", column: 5, row: 6 }, // Kiambu
  23: { abbreviation: "TRK", column: 2, row: 0 }, // Turkana
  24: { abbreviation: "WPK", column: 2, row: 1 }, // West Pokot
  25: { abbreviation: "SBR", column: 4, row: 1 }, // Samburu
  26: { abbreviation: "TNZ", column: 2, row: 2 }, // Trans Nzoia
  27: { abbreviation: "UGS", column: 2, row: 3 }, // Uasin Gishu
  28: { abbreviation: "EMK", column: 3, row: 2 }, // Elgeyo-Marakwet
  29: { abbreviation: "NDI", column: 2, row: 4 }, // Nandi
  30: { abbreviation: "BRG", column: 4, row: 2 }, // Baringo
  31: { abbreviation: "LKP", column: 5, row: 2 }, // Laikipia
  32: { abbreviation: "NKR", column: 4, row: 3 }, // Nakuru
  33: { abbreviation: "NRK", column: 4, row: 5 }, // Narok
  34: { abbreviation: "KJD", column: 5, row: 8 }, // Kajiado
  35: { abbreviation: "KRC", column: 3, row: 4 }, // Kericho
  36: { abbreviation: "BMT", column: 3, row: 5 }, // Bomet
  37: { abbreviation: "KKG", column: 1, row: 4 }, // Kakamega
  38: { abbreviation: "VHG", column: 1, row: 5 }, // Vihiga
  39: { abbreviation: "BGM", column: 1, row: 3 }, // Bungoma
  40: { abbreviation: "BSA", column: 0, row: 4 }, // Busia
  41: { abbreviation: "SYA", column: 0, row: 5 }, // Siaya
  42: { abbreviation: "KSM", column: 2, row: 5 }, // Kisumu
  43: { abbreviation: "HBY", column: 1, row: 6 }, // Homa Bay
  44: { abbreviation: "MGR", column: 1, row: 7 }, // Migori
  45: { abbreviation: "KSI", column: 2, row: 6 }, // Kisii
  46: { abbreviation: "NMR", column: 3, row: 6 }, // Nyamira
  47: { abbreviation: "NRB", column: 5, row: 7 }, // Nairobi
};

export const TILE_COLUMNS = 1 + Math.max(...Object.values(COUNTY_TILES).map((tile) => tile.column));
export const TILE_ROWS = 1 + Math.max(...Object.values(COUNTY_TILES).map((tile) => tile.row));
