// The shape of server-side table printers: column definitions plus a row generator per kind.
// mirrors: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (TableColumnDefinition, TableRowCondition)

/** One column of a meta.k8s.io/v1 Table; every field is always serialised (no omitempty upstream). */
export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  /** 0 = always shown; > 0 = only with `kubectl get -o wide` (the server always sends every column). */
  priority: number;
}

/** metav1.TableRowCondition; pods carry `Completed` once Succeeded or Failed. */
export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface TablePrinter<T = any> {
  columns: TableColumnDefinition[];
  /** One or more rows per object (most kinds: one). `now` is the simulated time in ms. */
  rows(obj: T, now: number): unknown[][];
  /** Row conditions for the object's row(s), when the kind has any (pods only upstream). */
  conditions?(obj: T): TableRowCondition[] | undefined;
}
