/** A moment's calendar date in the browser's time zone as YYYY-MM-DD (the UI's "today"; core never reads the clock). */
export function localIsoDate(moment: Date): string {
  const year = String(moment.getFullYear()).padStart(4, '0');
  const month = String(moment.getMonth() + 1).padStart(2, '0');
  const day = String(moment.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
