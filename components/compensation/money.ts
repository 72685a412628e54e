// Yuan as the estimate shows them, from the exact decimal strings of the use cases ("-669600.00"
// → "-669,600.00"): grouped by thousands on the digits themselves, never through a float.
export function groupYuan(amount: string): string {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!match) return amount;
  return `${match[1]}${match[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${match[3]}`;
}
