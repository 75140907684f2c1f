/** exceljs 4.4's own helpers used by read-xlsx-fast.ts so that both readers apply the same rules (not in exceljs's typings). */
declare module 'exceljs/lib/utils/utils.js' {
  const utils: {
    isDateFmt(fmt: string | undefined): boolean;
    excelToDate(v: number, date1904: boolean): Date;
    xmlDecode(text: string): string;
  };
  export default utils;
}
declare module 'exceljs/lib/utils/col-cache.js' {
  const colCache: { decodeAddress(ref: string): { col: number; row: number } };
  export default colCache;
}
declare module 'exceljs/lib/xlsx/defaultnumformats.js' {
  const formats: Record<number, { f: string } | undefined>;
  export default formats;
}
