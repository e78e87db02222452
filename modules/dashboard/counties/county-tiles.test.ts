import { describe, expect, it } from "vitest";
import { COUNTY_TILES, TILE_COLUMNS, TILE_ROWS } from "./county-tiles";

describe("the county tile grid", () => {
  it("has one tile for each of the 47 county codes, no two in the same place, each with its own label", () => {
    expect(Object.keys(COUNTY_TILES).map(Number)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    const tiles = Object.values(COUNTY_TILES);
    expect(new Set(tiles.map((t) => `${t.column},${t.row}`)).size).toBe(47);
    expect(new Set(tiles.map((t) => t.abbreviation)).size).toBe(47);
    expect(tiles.every((t) => /^[A-Z]{3}$/.test(t.abbreviation))).toBe(true);
  });

  it("places Nairobi south of Nyeri, Mombasa on the coast east of Nairobi and Busia in the far west", () => {
    expect(COUNTY_TILES[47]!.row).toBeGreaterThan(COUNTY_TILES[19]!.row);
    expect(COUNTY_TILES[1]!.column).toBeGreaterThan(COUNTY_TILES[47]!.column);
    expect(COUNTY_TILES[40]!.column).toBe(0);
    expect([TILE_COLUMNS, TILE_ROWS]).toEqual([10, 9]);
  });
});
