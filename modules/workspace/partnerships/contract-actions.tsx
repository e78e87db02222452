"use client";

import { generateContractAction, signContractAction } from "@/modules/workspace/partnerships/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { LocalDate } from "@/components/ui/local-date";
import { useFormAction } from "@/lib/forms/use-form-action";
import { signContractBody } from "@/lib/partnerships/schemas/contracts";
import type { ContractDetail } from "@/lib/partnerships/schemas/contracts";

type Side = "creator" | "brand";

/** Who has signed and when, one line per party. */
export function ContractSignatures({ contract }: { contract: ContractDetail }) {
  const rows: Array<{ role: Side; label: string }> = [
    { role: "creator", label: "Creator" },
    { role: "brand", label: "Brand" },
  ];
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-2">
      {rows.map(({ role, label }) => {
        const signature = contract.signatories.find((s) => s.role === role);
        return (
          <div key={role} data-testid={`signature-${role}`} data-signed={signature ? "true" : "false"}>
            <dt className="text-slate-500">{label} signature</dt>
            <dd className="text-slate-900">
              {signature ? (
                <>
                  Signed by <span className="font-medium">{signature.name}</span> on <LocalDate value={signature.signedAt} time />
                </>
              ) : (
                <span className="text-slate-600">Not signed yet</span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Generate (when there is no contract yet) and sign, for the signed-in party. */
export function ContractActions({
  partnershipId,
  contract,
  side,
  active,
}: {
  partnershipId: string;
  contract: ContractDetail | null;
  side: Side;
  active: boolean;
}) {
  const generate = useFormAction(() => generateContractAction(partnershipId));
  const sign = useFormAction((input: Record<string, never>) => signContractAction(partnershipId, input), { schema: signContractBody });

  if (!active) return null;

  if (!contract) {
    return (
      <div className="mt-3 space-y-2">
        <p className="text-sm text-slate-600">Generate the contract from the accepted proposal; both parties then sign it.</p>
        <Button type="button" data-testid="generate-contract" disabled={generate.pending} onClick={() => generate.submit(undefined)}>
          {generate.pending ? "Generating…" : "Generate contract"}
        </Button>
        <FormStatus state={generate.state} pending={generate.pending} pendingText="Generating the contract…" />
      </div>
    );
  }

  const mySignature = contract.signatories.find((s) => s.role === side);
  const canSign = !mySignature && (contract.status === "sent" || contract.status === `signed_${side === "creator" ? "brand" : "creator"}`);
  return (
    <div className="mt-3 space-y-2">
      {canSign ? (
        <>
          <p className="text-sm text-slate-600">
            Read the contract PDF, then sign it as the {side}. Your name, the time and your network address are recorded.
          </p>
          <Button type="button" data-testid="sign-contract" disabled={sign.pending} onClick={() => sign.submit({})}>
            {sign.pending ? "Signing…" : "Sign contract"}
          </Button>
        </>
      ) : mySignature && contract.status !== "active" ? (
        <p className="text-sm text-slate-600" data-testid="contract-waiting">
          You have signed. Waiting for the {side === "creator" ? "brand" : "creator"} to sign.
        </p>
      ) : null}
      {sign.state.status === "idle" && !sign.pending ? (
        <FormStatus state={generate.state} pending={false} pendingText="Generating the contract…" />
      ) : (
        <FormStatus state={sign.state} pending={sign.pending} pendingText="Recording your signature…" />
      )}
    </div>
  );
}
