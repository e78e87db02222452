/**
 * Prisma driver adapter for embedded PGlite, written against the Prisma 6.19 adapter
 * interface. PGlite is a single connection, so a transaction holds it exclusively
 * until commit or rollback; other statements wait their turn.
 */
import { PGlite, type Transaction as PGliteTransaction } from "@electric-sql/pglite";
import type {
  ConnectionInfo,
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
  TransactionOptions,
} from "@prisma/driver-adapter-utils";
import { textParsers } from "./conversion";
import { ADAPTER_NAME, StatementQueryable, toAdapterError, type RunStatement } from "./queryable";

function statementRunner(target: Pick<PGlite, "query"> | PGliteTransaction): RunStatement {
  return async (sql, values) => {
    const result = await target.query<unknown[]>(sql, values, { rowMode: "array", parsers: textParsers });
    return { fields: result.fields, rows: result.rows, affectedRows: result.affectedRows };
  };
}

class PGliteTransactionAdapter extends StatementQueryable implements Transaction {
  readonly options: TransactionOptions = { usePhantomQuery: true };

  constructor(
    tx: PGliteTransaction,
    private readonly finish: (outcome: "commit" | "rollback") => Promise<void>,
  ) {
    super(statementRunner(tx));
  }

  commit(): Promise<void> {
    return this.finish("commit");
  }

  rollback(): Promise<void> {
    return this.finish("rollback");
  }
}

export class PGliteAdapter extends StatementQueryable implements SqlDriverAdapter {
  constructor(
    private readonly db: PGlite,
    private readonly onDispose?: () => Promise<void>,
  ) {
    super(statementRunner(db));
  }

  async executeScript(script: string): Promise<void> {
    try {
      await this.db.exec(script);
    } catch (error) {
      toAdapterError(error);
    }
  }

  getConnectionInfo(): ConnectionInfo {
    return { schemaName: "public", supportsRelationJoins: true };
  }

  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return new Promise<Transaction>((resolveStart, rejectStart) => {
      let started = false;
      let settle!: (outcome: "commit" | "rollback") => void;
      const outcome = new Promise<"commit" | "rollback">((resolve) => (settle = resolve));

      const done: Promise<void> = this.db
        .transaction(async (tx) => {
          if (isolationLevel) await tx.exec(`SET TRANSACTION ISOLATION LEVEL ${isolationLevel}`);
          started = true;
          resolveStart(
            new PGliteTransactionAdapter(tx, async (result) => {
              settle(result);
              await done;
            }),
          );
          if ((await outcome) === "rollback") await tx.rollback();
        })
        .catch((error: unknown) => {
          if (!started) return rejectStart(error);
          toAdapterError(error);
        });
    }).catch((error: unknown) => toAdapterError(error));
  }

  async dispose(): Promise<void> {
    // The PGlite instance is shared within the process; its owner decides when to close it.
    await this.onDispose?.();
  }
}

export class PGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = ADAPTER_NAME;

  constructor(
    private readonly open: () => Promise<PGlite>,
    private readonly close?: () => Promise<void>,
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    return new PGliteAdapter(await this.open(), this.close);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = await PGlite.create({ dataDir: "memory://" });
    return new PGliteAdapter(shadow, () => shadow.close());
  }
}
