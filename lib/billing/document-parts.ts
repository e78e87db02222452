/** Pieces the invoice, receipt and statement PDFs share: the two parties side by side, money and dates. */
import type { Content } from "../documents";
import { formatMoney } from "../format";
import { toMajor } from "../money";
import type { PartyDetails } from "./party-details";

export const money = (minor: bigint, currency: string) => formatMoney(toMajor(minor), currency);

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** One party's block: legal name, trading name when different, address, KRA PIN and billing email. */
function partyBlock(label: string, party: PartyDetails | null): Content {
  if (!party) return { stack: [{ text: label, style: "label" }, { text: "-" }] };
  const legal = party.legal_name?.trim() || party.name;
  const lines: Content[] = [
    { text: label, style: "label", margin: [0, 0, 0, 2] },
    { text: legal, bold: true },
  ];
  if (legal !== party.name) lines.push({ text: `Trading as ${party.name}` });
  if (party.address) lines.push({ text: party.address });
  lines.push({ text: `KRA PIN: ${party.kra_pin ?? "not provided"}` });
  if (party.billing_email) lines.push({ text: party.billing_email });
  if (party.account_code) lines.push({ text: `Account code: ${party.account_code}` });
  return { stack: lines };
}

/** Issuer on the left, payer on the right. */
export function partiesBlock(issuer: PartyDetails | null, payer: PartyDetails | null, payerLabel = "Billed to"): Content {
  return {
    columns: [
      { width: "*", ...(partyBlock("From", issuer) as object) },
      { width: "*", ...(partyBlock(payerLabel, payer) as object) },
    ],
    columnGap: 24,
    margin: [0, 0, 0, 10],
  } as Content;
}
