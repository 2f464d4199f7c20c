/** Hồ Ngọc Đức's Vietnamese lunar calendar (the `amlich` package ships no types). */
declare module 'amlich' {
  /** [day, month, year] of the solar day of a lunar date in a time zone (7 for Vietnam); [0, 0, 0] if none. */
  export function convertLunar2Solar(
    lunarDay: number,
    lunarMonth: number,
    lunarYear: number,
    lunarLeap: 0 | 1,
    timeZone: number,
  ): [number, number, number];
  /** [day, month, year, leap] of the lunar date of a solar day in a time zone. */
  export function convertSolar2Lunar(
    dd: number,
    mm: number,
    yyyy: number,
    timeZone: number,
  ): [number, number, number, number];
}
