// Residents' phone numbers are shown masked on every staff screen (DOMAIN.md, "Disclosure and
// masking"): 13800000001 → 138****0001. Only the assignee of an open task for the household may
// reveal the full number, through an audited use case. Pure, like maskIdNumber beside it.

/** Keeps the first 3 and the last 4 digits and masks the rest, one star per hidden digit
 *  (separators dropped): 13800000001 → 138****0001, 021-6328 1234 → 021****1234. Short numbers
 *  keep only their last 2 digits. */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/[\s\-()]/g, "");
  if (compact.length <= 7) return "*".repeat(Math.max(0, compact.length - 2)) + compact.slice(-2);
  return compact.slice(0, 3) + "*".repeat(compact.length - 7) + compact.slice(-4);
}

/** Whether `text` is a masked number (what maskPhone returns), not a phone number someone typed. */
export function isMaskedPhone(text: string): boolean {
  return text.includes("*");
}
