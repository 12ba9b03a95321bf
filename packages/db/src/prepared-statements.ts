import type postgres from "postgres";

type Sql = postgres.Sql | postgres.TransactionSql;

/**
 * postgres.js as drizzle should use it: every statement prepared (named, once per connection). drizzle sends
 * its statements through `unsafe(…, { prepare: false })`, and postgres.js then asks the server for an
 * unnamed statement's parameter types before binding it: two round trips per statement, and nothing sent
 * behind it meanwhile. Prepared, a statement the connection knows is bound and run in one, and the statements
 * a write issues together share a trip. Transactions and savepoints hand drizzle a client wrapped the same way.
 * Left as it is when the client was opened with `prepare: false` (a transaction-mode pooler).
 */
export function preparingStatements(sql: postgres.Sql): postgres.Sql {
  return sql.options.prepare ? preparing(sql) : sql;
}

function preparing<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters as postgres.ParameterOrJSON<never>[], { ...options, prepare: true });
      }
      if (property === "begin" && "begin" in target) {
        return (...args: unknown[]) => {
          const body = args.pop() as (tx: postgres.TransactionSql) => unknown;
          return (target.begin as (...rest: unknown[]) => unknown)(...args, (tx: postgres.TransactionSql) =>
            body(preparing(tx)),
          );
        };
      }
      if (property === "savepoint" && "savepoint" in target) {
        return (...args: unknown[]) => {
          const body = args.pop() as (tx: postgres.TransactionSql) => unknown;
          return (target.savepoint as (...rest: unknown[]) => unknown)(...args, (tx: postgres.TransactionSql) =>
            body(preparing(tx)),
          );
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
