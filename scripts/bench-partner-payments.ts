/**
 * `npm run bench:payments`: how fast a partner's money documents and the payment sweeps
 * answer on the configured database (DATABASE_URL, or the embedded one), for the demo
 * partner with the most payments. Seed a large portfolio first
 * (`npm run db:seed -- --scale 100`). Prints p50/p95/max milliseconds per operation over
 * `--runs` runs. The warm-up pass of each sweep applies whatever is due on the seeded data;
 * the timed runs then measure the scan every minute pays when nothing new is due.
 */
import { parseArgs } from "node:util";
import { getStatement } from "../lib/billing/get-statement";
import { listReceipts } from "../lib/billing/list-receipts";
import { listReceiptsQuery } from "../lib/billing/schemas/receipts";
import { statementQuery } from "../lib/billing/schemas/statements";
import { renderStatementCsv } from "../lib/billing/render-statement-csv";
import { renderStatementPdf } from "../lib/billing/render-statement-pdf";
import { disconnectDb, getDb } from "../lib/db";
import { actorNamed, timeOperations } from "./bench-support";
import { runDueStandingOrders } from "../lib/standing-orders/run-due-standing-orders";
import { expireOverduePayments } from "../lib/sponsorship/expire-payments";
import { listPartnerPayments } from "../lib/sponsorship/list-payments";
import { listPaymentsQuery } from "../lib/sponsorship/schemas/payments";
import { listUnappliedMoney } from "../lib/sponsorship/unapplied-money";

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
const runs = Number(values.runs);

async function main() {
  const db = getDb();
  const actor = await actorNamed("partner@demo.test");
  const admin = await actorNamed("admin@demo.test");
  const partnerId = actor.organizationId!;
  const [payments, invoices, receipts, allPayments] = await Promise.all([
    db.payment.count({ where: { partnerId } }),
    db.invoice.count({ where: { partnerId } }),
    db.receipt.count({ where: { partnerId } }),
    db.payment.count(),
  ]);
  // The last complete fiscal year (July to June): the seeded history reaches 14 months back.
  const now = new Date();
  const fiscalStart = (now.getUTCMonth() >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1) - 1;
  const fiscalYear = statementQuery.parse({ start_date: `${fiscalStart}-07-01`, end_date: `${fiscalStart + 1}-06-30` });
  const oneMonth = statementQuery.parse({ start_date: `${fiscalStart + 1}-01-01`, end_date: `${fiscalStart + 1}-01-31` });
  const yearStatement = await getStatement({ actor, query: fiscalYear });
  console.log(
    `partner@demo.test: ${payments.toLocaleString("en")} payments, ${invoices.toLocaleString("en")} invoices, ${receipts.toLocaleString("en")} receipts ` +
      `(${allPayments.toLocaleString("en")} payments in all); fiscal-year statement ${yearStatement.start_date}…${yearStatement.end_date}: ` +
      `${yearStatement.lines.length} lines. ${runs} runs per operation\n`,
  );
  const sweepAt = new Date();

  const operations: Array<[string, () => Promise<unknown>]> = [
    ["statement, fiscal year (JSON)", () => getStatement({ actor, query: fiscalYear })],
    ["statement, fiscal year (CSV)", async () => renderStatementCsv(await getStatement({ actor, query: fiscalYear }))],
    ["statement, fiscal year (PDF)", async () => renderStatementPdf(await getStatement({ actor, query: fiscalYear }))],
    ["statement, one month (JSON)", () => getStatement({ actor, query: oneMonth })],
    ["receipts, first page", () => listReceipts({ actor, query: listReceiptsQuery.parse({}) })],
    ["payments, first page", () => listPartnerPayments({ actor, query: listPaymentsQuery.parse({}) })],
    ["unapplied M-Pesa money (admin)", () => listUnappliedMoney({ actor: admin })],
    ["sweep: standing orders due", () => runDueStandingOrders({ now: sweepAt })],
    ["sweep: pending payments past expiry", () => expireOverduePayments({ now: sweepAt })],
  ];

  await timeOperations(operations, runs);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
