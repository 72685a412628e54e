import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes, HTMLAttributes } from "react";

// The portal's data tables: a focusable, labelled scroll region (a wide table scrolls by keyboard
// on a phone), a caption for screen readers, column headers with scope (and aria-sort where the
// column sorts), row headers for the cell that names the row. Markup only — no data access; the
// feature component decides what goes in the cells.

const join = (...classes: (string | false | undefined)[]) => classes.filter(Boolean).join(" ");

/** Cell padding: the workspace's default, the compact one of chart data tables, and the wall
 *  screen's (no side padding, space on the right only — none after its last column). */
export type TablePad = "normal" | "compact" | "display" | "displayLast";
const PADDING: Record<TablePad, string> = { normal: "px-3 py-2", compact: "px-2 py-1", display: "py-2 pr-4", displayLast: "py-2" };

type Align = "left" | "right";
export type SortDirection = "ascending" | "descending";

/** The scroll region around a table. It needs a name: `label`, or `labelledBy` (a heading's id). */
export function TableRegion({
  label,
  labelledBy,
  className = "overflow-x-auto rounded-lg border border-stone-200 bg-white",
  id,
  hidden,
  tabIndex = 0,
  children,
}: {
  label?: string;
  labelledBy?: string;
  className?: string;
  id?: string;
  hidden?: boolean;
  tabIndex?: number;
  children: ReactNode;
}) {
  return (
    <div id={id} hidden={hidden} className={className} tabIndex={tabIndex} role="region" aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}

/** `<table>` with its caption (visually hidden; the region or a heading shows the title). */
export function Table({
  caption,
  captionId,
  className,
  testId,
  children,
}: {
  caption?: ReactNode;
  captionId?: string;
  /** Width and text size, e.g. "min-w-[44rem] text-base". */
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <table className={join("w-full text-left", className)} data-testid={testId}>
      {caption !== undefined ? (
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
      ) : null}
      {children}
    </table>
  );
}

/** The header row. */
export function TableHead({ className = "bg-stone-100 text-sm text-stone-700", children }: { className?: string; children: ReactNode }) {
  return (
    <thead className={className}>
      <tr>{children}</tr>
    </thead>
  );
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody>{children}</tbody>;
}

export function TableFoot({ className, children }: { className?: string; children: ReactNode }) {
  return <tfoot className={className}>{children}</tfoot>;
}

type CellProps = { pad?: TablePad; align?: Align; className?: string };

function cellClass({ pad = "normal", align, className }: CellProps): string {
  return join(PADDING[pad], align === "right" && "text-right", className);
}

/** A column header. `sort` gives it aria-sort: a direction when the table is sorted by it,
 *  "none" when it could be; leave it out for columns that do not sort. */
export function ColumnHeader({
  pad,
  align,
  className,
  sort,
  children,
  ...rest
}: CellProps & { sort?: SortDirection | "none"; children?: ReactNode } & Omit<
    ThHTMLAttributes<HTMLTableCellElement>,
    "className" | "scope" | "align"
  >) {
  return (
    <th scope="col" className={cellClass({ pad, align, className })} aria-sort={sort} {...rest}>
      {children}
    </th>
  );
}

/** The cell that names its row (a code, a name): a header cell with scope="row". */
export function RowHeader({
  pad,
  align,
  className = "font-medium",
  children,
  ...rest
}: CellProps & { children?: ReactNode } & Omit<ThHTMLAttributes<HTMLTableCellElement>, "className" | "scope" | "align">) {
  return (
    <th scope="row" className={cellClass({ pad, align, className })} {...rest}>
      {children}
    </th>
  );
}

/** A body row (give it data-testid where tests find rows). */
export function TableRow({
  className = "border-t border-stone-200",
  children,
  ...rest
}: { className?: string; children: ReactNode } & Omit<HTMLAttributes<HTMLTableRowElement>, "className">) {
  return (
    <tr className={className} {...rest}>
      {children}
    </tr>
  );
}

/** A data cell; `numeric` right-aligns with tabular figures, so columns of numbers line up. */
export function TableCell({
  pad,
  align,
  numeric,
  className,
  children,
  ...rest
}: CellProps & { numeric?: boolean; children?: ReactNode } & Omit<TdHTMLAttributes<HTMLTableCellElement>, "className" | "align">) {
  return (
    <td className={cellClass({ pad, align: numeric ? "right" : align, className: join(numeric && "tabular-nums", className) })} {...rest}>
      {children}
    </td>
  );
}

/** The ▲/▼ beside a sorted column's label, hidden from screen readers (aria-sort says it). */
export function SortArrow({ direction }: { direction: SortDirection | null | undefined }) {
  return <span aria-hidden="true">{direction === "ascending" ? "▲" : direction === "descending" ? "▼" : ""}</span>;
}
