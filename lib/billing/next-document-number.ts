/**
 * The next number of an issuer's series for one payer, kind and year, taken in the
 * caller's transaction. The upsert locks the sequence row until commit, so concurrent
 * documents for the same payer queue behind each other and get consecutive numbers; a
 * transaction that rolls back releases its number, so the series has no gaps.
 */
import type { DbTx } from "../db";

export type DocumentKind = "invoice" | "receipt";

const PREFIX: Record<DocumentKind, string> = { invoice: "INV", receipt: "RCT" };

export interface NextDocumentNumberOptions {
  issuerId: string;
  payerId: string;
  /** The payer's account code, which names its series in the number. */
  payerCode: string;
  kind: DocumentKind;
  year: number;
}

export async function nextDocumentNumber(tx: DbTx, options: NextDocumentNumberOptions): Promise<string> {
  const { issuerId, payerId, kind, year } = options;
  const [row] = await tx.$queryRaw<Array<{ last_number: number }>>`
    INSERT INTO document_sequences (issuer_id, payer_id, kind, year, last_number)
    VALUES (${issuerId}::uuid, ${payerId}::uuid, ${kind}, ${year}, 1)
    ON CONFLICT (issuer_id, payer_id, kind, year) DO UPDATE SET last_number = document_sequences.last_number + 1
    RETURNING last_number`;
  return formatDocumentNumber(kind, options.payerCode, year, Number(row!.last_number));
}

export function formatDocumentNumber(kind: DocumentKind, payerCode: string, year: number, number: number): string {
  return `${PREFIX[kind]}-${payerCode}-${year}-${String(number).padStart(4, "0")}`;
}
