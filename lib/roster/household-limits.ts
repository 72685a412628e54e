// The length limits of a household's fields, apart from their zod schemas (household-fields.ts)
// so the edit form can set its inputs' maxLength without bringing zod into the browser.

/** 地址: at most this many characters (the database column is unbounded text). */
export const HOUSEHOLD_ADDRESS_MAX = 200;
/** 户主: at most this many characters. */
export const HOUSEHOLD_HEAD_NAME_MAX = 50;
/** 弄, 幢/栋, 号, 室: at most this many characters each. */
export const HOUSEHOLD_ADDRESS_PART_MAX = 100;
