/** A statement of account as a PDF: both parties, the balances and every line with its running balance. */
import { dataTable, documentDefinition, keyValueTable, note, renderPdf, title } from "../documents";
import { formatMoney } from "../format";
import { labelFor } from "../humanize";
import { partiesBlock } from "./document-parts";
import type { Statement } from "./get-statement";

const TYPE_LABELS: Record<Statement["lines"][number]["type"], string> = {
  invoice_issued: "Invoice",
  invoice_voided: "Invoice voided",
  payment_received: "Payment",
  refund: "Refund",
};

export async function renderStatementPdf(statement: Statement): Promise<Buffer> {
  const { currency } = statement;
  const amount = (major: number) => (major === 0 ? "" : formatMoney(major, currency));
  const signed = (major: number) => formatMoney(major, currency);
  const period = `${statement.start_date} to ${statement.end_date}`;
  const definition = documentDefinition({
    title: `Statement of account ${statement.partner.account_code} ${period}`,
    createdAt: new Date(statement.generated_at),
    service: "statement",
    footer: `${statement.issuer.name} statement of account ${statement.partner.account_code}, ${period}`,
    runningHeader: `Statement of account ${statement.partner.account_code}, ${period}`,
    content: [
      title("STATEMENT OF ACCOUNT", `${statement.issuer.legal_name ?? statement.issuer.name} - ${period}`),
      partiesBlock(statement.issuer, statement.partner, "Account of"),
      keyValueTable([
        ["Period", period],
        ["Currency", currency],
        ["Opening balance", signed(statement.opening_balance)],
        ["Total debits", signed(statement.total_debits)],
        ["Total credits", signed(statement.total_credits)],
        ["Closing balance", signed(statement.closing_balance)],
      ]),
      dataTable(
        [
          { header: "Date", width: 12 },
          { header: "Type", width: 11 },
          { header: "Document", width: 19 },
          { header: "Details", width: 25 },
          { header: "Debit", width: 11, align: "right" },
          { header: "Credit", width: 11, align: "right" },
          { header: "Balance", width: 12, align: "right" },
        ],
        [
          [statement.start_date, "", "", "Opening balance", "", "", signed(statement.opening_balance)],
          ...statement.lines.map((line) => [
            line.date,
            TYPE_LABELS[line.type],
            line.document_number ?? "",
            [
              line.description,
              line.method ? labelFor(line.method) : null,
              line.provider_receipt ? `receipt ${line.provider_receipt}` : null,
              line.payment_reference ? `ref ${line.payment_reference}` : null,
            ]
              .filter(Boolean)
              .join(", "),
            amount(line.debit),
            amount(line.credit),
            signed(line.balance),
          ]),
        ],
        {
          totalRow: [
            "",
            "",
            "",
            "Closing balance",
            signed(statement.total_debits),
            signed(statement.total_credits),
            signed(statement.closing_balance),
          ],
          fontSize: 8,
        },
      ),
      note(
        "A positive balance is owed by the partner; a negative balance is the partner's credit. Debits are invoices issued and refunds; credits are invoices voided and payments received.",
      ),
    ],
  });
  return renderPdf(definition);
}
