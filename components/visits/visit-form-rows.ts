/** How many demands one visit form offers rows for. In a module of its own: a server component
 *  that imported it from the ("use client") form would get a client reference, not the number. */
export const DEMAND_ROWS = 2;
