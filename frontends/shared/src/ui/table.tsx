import type { ReactNode } from "react";

import { TEXTS } from "../core/texts";

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned numbers (money, quantities). */
  numeric?: boolean;
}

/**
 * A plain table that scrolls sideways on a phone. Each row carries
 * `data-testid="<testId>-fila"` and `data-codigo` for tests to find it.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  testId,
  emptyText = TEXTS.empty,
  rowClassName,
  caption,
}: {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  testId: string;
  emptyText?: string;
  rowClassName?: (row: T) => string | undefined;
  caption?: string;
}) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid={testId}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={column.numeric ? "num" : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table__empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr
                key={rowKey(row, index)}
                data-testid={`${testId}-fila`}
                data-codigo={rowKey(row, index)}
                className={rowClassName?.(row)}
              >
                {columns.map((column) => (
                  <td
                    key={column.header}
                    data-label={column.header}
                    className={column.numeric ? "num" : undefined}
                  >
                    <div className="table__cell">{column.cell(row)}</div>
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function LoadMore({
  hasMore,
  loading,
  onClick,
}: {
  hasMore: boolean;
  loading: boolean;
  onClick: () => void;
}) {
  if (!hasMore) return null;
  return (
    <button
      type="button"
      className="button button--secondary load-more"
      onClick={onClick}
      disabled={loading}
      data-testid="ver-mas"
    >
      {TEXTS.more}
    </button>
  );
}
