/**
 * Driver adapter over node-postgres used by the Prisma CLI (migrate, db push). The
 * application's queries go through @prisma/adapter-pg; its 6.x release cannot read the
 * `name` columns that the schema engine's introspection returns, so migrations use
 * this adapter, which shares its value conversion with the PGlite adapter.
 */
import pg from "pg";
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

const typeParsers = {
  getTypeParser: (oid: number, format?: string) =>
    format !== "binary" && textParsers[oid] ? textParsers[oid] : pg.types.getTypeParser(oid, format as "text"),
};

function statementRunner(client: pg.Pool | pg.PoolClient): RunStatement {
  return async (sql, values) => {
    const result = await client.query<unknown[]>({ text: sql, values, rowMode: "array", types: typeParsers as never });
    return { fields: result.fields, rows: result.rows, affectedRows: result.rowCount };
  };
}

class NodePostgresTransaction extends StatementQueryable implements Transaction {
  // The engine sends COMMIT / ROLLBACK itself; commit() and rollback() only release.
  readonly options: TransactionOptions = { usePhantomQuery: false };

  constructor(private readonly client: pg.PoolClient) {
    super(statementRunner(client));
  }

  async commit(): Promise<void> {
    this.client.release();
  }

  async rollback(): Promise<void> {
    this.client.release();
  }
}

class NodePostgresAdapter extends StatementQueryable implements SqlDriverAdapter {
  constructor(private readonly pool: pg.Pool) {
    super(statementRunner(pool));
  }

  async executeScript(script: string): Promise<void> {
    try {
      await this.pool.query(script);
    } catch (error) {
      toAdapterError(error);
    }
  }

  getConnectionInfo(): ConnectionInfo {
    return { schemaName: "public", supportsRelationJoins: true };
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      if (isolationLevel) await client.query(`SET TRANSACTION ISOLATION LEVEL ${isolationLevel}`);
      return new NodePostgresTransaction(client);
    } catch (error) {
      client.release(error as Error);
      toAdapterError(error);
    }
  }

  async dispose(): Promise<void> {
    await this.pool.end();
  }
}

export class NodePostgresAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = ADAPTER_NAME;

  constructor(
    private readonly connectionString: string,
    private readonly shadowConnectionString?: string,
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    return new NodePostgresAdapter(new pg.Pool({ connectionString: this.connectionString, max: 2, allowExitOnIdle: true }));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    if (!this.shadowConnectionString) {
      throw new Error("Set SHADOW_DATABASE_URL to use commands that need a shadow database.");
    }
    return new NodePostgresAdapter(new pg.Pool({ connectionString: this.shadowConnectionString, max: 2, allowExitOnIdle: true }));
  }
}
