"use client";

import { useState, type FormEvent } from "react";
import {
  generateContractAction,
  rejectContractAction,
  sendContractAction,
  signContractAction,
} from "@/modules/workspace/partnerships/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { LocalDate } from "@/components/ui/local-date";
import { TextAreaField } from "@/components/ui/textarea-field";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import {
  CONSENT_TEXT,
  generateContractBody,
  rejectContractBody,
  REVIEW_WINDOW_DAYS,
  signContractBody,
  type ContractDetail,
} from "@/lib/partnerships/schemas/contracts";

type Side = "creator" | "brand";

/** Each party's decision: who signed (as which typed name) or rejected, and when. */
export function ContractSignatures({ contract }: { contract: ContractDetail }) {
  const rows: Array<{ role: Side; label: string }> = [
    { role: "creator", label: "Creator" },
    { role: "brand", label: "Brand" },
  ];
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-2">
      {rows.map(({ role, label }) => {
        const entry = contract.signatories.find((s) => s.role === role);
        const signed = entry?.decision === "signed";
        return (
          <div
            key={role}
            data-testid={`signature-${role}`}
            data-signed={signed ? "true" : "false"}
            data-decision={entry?.decision ?? "none"}
          >
            <dt className="text-slate-500">{label} signature</dt>
            <dd className="text-slate-900">
              {entry && signed ? (
                <>
                  Signed by <span className="font-medium">{entry.name}</span>
                  {entry.fullName ? (
                    <>
                      {" "}
                      as <span className="font-serif italic">{entry.fullName}</span>
                    </>
                  ) : null}{" "}
                  on <LocalDate value={entry.signedAt} time />
                </>
              ) : entry ? (
                <>
                  <span className="text-rose-800">Rejected</span> by <span className="font-medium">{entry.name}</span> on{" "}
                  <LocalDate value={entry.signedAt} time />
                  {entry.reason ? <span className="block text-slate-600">“{entry.reason}”</span> : null}
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

/** Links to the sent and signed documents with the SHA-256 of each. */
export function ContractDocuments({ contract }: { contract: ContractDetail }) {
  return (
    <div className="space-y-2 text-sm" data-testid="contract-documents">
      <dl className="space-y-2">
        <div>
          <dt>
            <a
              href={contract.sentDocumentUrl}
              className="font-medium text-brand-700 hover:underline"
              target="_blank"
              rel="noopener"
              data-testid="contract-sent-document"
            >
              {contract.status === "draft" ? "Draft contract PDF" : "Contract PDF as sent for signature"}
            </a>
          </dt>
          <dd className="font-mono text-xs break-all text-slate-500" data-testid="contract-sha256">
            SHA-256 {contract.documentSha256}
          </dd>
        </div>
        {contract.signedDocumentUrl && contract.signedDocumentSha256 ? (
          <div>
            <dt>
              <a
                href={contract.signedDocumentUrl}
                className="font-medium text-brand-700 hover:underline"
                target="_blank"
                rel="noopener"
                data-testid="contract-signed-document"
              >
                Signed contract PDF with audit certificate
              </a>
            </dt>
            <dd className="font-mono text-xs break-all text-slate-500" data-testid="contract-signed-sha256">
              SHA-256 {contract.signedDocumentSha256}
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="text-xs text-slate-500">
        Anyone holding a copy can check it against these hashes at POST /api/partnerships/contracts/verify.
      </p>
    </div>
  );
}

function GenerateContractForm({ partnershipId }: { partnershipId: string }) {
  const [days, setDays] = useState(String(REVIEW_WINDOW_DAYS.default));
  const generate = useFormAction((input: { reviewWindowDays: number }) => generateContractAction(partnershipId, input), {
    schema: generateContractBody,
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    generate.submit({ reviewWindowDays: Number(days) });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label="Generate the contract" data-testid="generate-contract-form">
      <p className="text-sm text-slate-600">
        Generate the contract from the accepted proposal. It starts as a draft: read it, then send it to both parties for signature.
      </p>
      <TextField
        label="Review window (days)"
        name="reviewWindowDays"
        type="number"
        inputMode="numeric"
        min={REVIEW_WINDOW_DAYS.min}
        max={REVIEW_WINDOW_DAYS.max}
        step={1}
        value={days}
        onChange={(event) => setDays(event.target.value)}
        hint={`Days the brand has to review each submitted deliverable (${REVIEW_WINDOW_DAYS.min}–${REVIEW_WINDOW_DAYS.max}).`}
        error={generate.fieldErrors.reviewWindowDays}
        className="max-w-32"
      />
      <Button type="submit" data-testid="generate-contract" disabled={generate.pending}>
        {generate.pending ? "Generating…" : "Generate contract"}
      </Button>
      <FormStatus state={generate.state} pending={generate.pending} pendingText="Generating the contract…" />
    </form>
  );
}

function SendContractButton({ partnershipId }: { partnershipId: string }) {
  const sendAction = useFormAction(() => sendContractAction(partnershipId));
  return (
    <div className="mt-3 space-y-2">
      <p className="text-sm text-slate-600">
        This is a draft. Read the PDF, then send it: from then on the document is fixed and both parties sign exactly that.
      </p>
      <Button type="button" data-testid="send-contract" disabled={sendAction.pending} onClick={() => sendAction.submit(undefined)}>
        {sendAction.pending ? "Sending…" : "Send for signature"}
      </Button>
      <FormStatus state={sendAction.state} pending={sendAction.pending} pendingText="Sending the contract…" />
    </div>
  );
}

function SignContractForm({ partnershipId, side }: { partnershipId: string; side: Side }) {
  const [fullName, setFullName] = useState("");
  const [consent, setConsent] = useState(false);
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const sign = useFormAction((input: { fullName: string; consent: boolean }) => signContractAction(partnershipId, input), {
    schema: signContractBody,
  });
  const rejectAction = useFormAction((input: { reason: string }) => rejectContractAction(partnershipId, input), {
    schema: rejectContractBody,
  });
  const pending = sign.pending || rejectAction.pending;

  function onSign(event: FormEvent) {
    event.preventDefault();
    sign.submit({ fullName, consent });
  }
  function onReject(event: FormEvent) {
    event.preventDefault();
    rejectAction.submit({ reason });
  }

  return (
    <div className="mt-3 space-y-4 border-t border-slate-100 pt-3">
      <form onSubmit={onSign} noValidate className="space-y-3" aria-label="Sign the contract" data-testid="sign-contract-form">
        <p className="text-sm text-slate-600">
          Read the contract PDF, then sign it as the {side} by typing your full name. Your name, the time, your network address and your
          browser are recorded with the signature.
        </p>
        <TextField
          label="Full name"
          name="fullName"
          autoComplete="name"
          value={fullName}
          onChange={(event) => setFullName(event.target.value)}
          error={sign.fieldErrors.fullName}
          maxLength={200}
          required
          data-testid="sign-full-name"
        />
        {fullName.trim() ? (
          <p className="font-serif text-2xl text-slate-900 italic" aria-hidden="true">
            {fullName.trim()}
          </p>
        ) : null}
        <div>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="consent"
              checked={consent}
              onChange={(event) => setConsent(event.target.checked)}
              aria-invalid={sign.fieldErrors.consent ? true : undefined}
              className="mt-0.5 h-4 w-4 accent-brand-600"
              data-testid="sign-consent"
            />
            <span>{CONSENT_TEXT}</span>
          </label>
          {sign.fieldErrors.consent ? <p className="mt-1 text-sm text-red-700">Tick the box to agree before signing.</p> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" data-testid="sign-contract" disabled={pending}>
            {sign.pending ? "Signing…" : "Sign contract"}
          </Button>
          {!rejecting ? (
            <Button
              type="button"
              variant="secondary"
              data-testid="reject-contract-open"
              disabled={pending}
              onClick={() => setRejecting(true)}
            >
              Reject…
            </Button>
          ) : null}
        </div>
        <FormStatus state={sign.state} pending={sign.pending} pendingText="Recording your signature…" />
      </form>
      {rejecting ? (
        <form onSubmit={onReject} noValidate className="space-y-3" aria-label="Reject the contract" data-testid="reject-contract-form">
          <TextAreaField
            label="Why do you reject the contract?"
            name="reason"
            hint="Rejecting ends the partnership for both parties. This cannot be undone."
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={rejectAction.fieldErrors.reason}
            maxLength={2000}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" data-testid="reject-contract" disabled={pending}>
              {rejectAction.pending ? "Rejecting…" : "Reject contract"}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setRejecting(false)}>
              Cancel
            </Button>
          </div>
          <FormStatus state={rejectAction.state} pending={rejectAction.pending} pendingText="Recording your rejection…" />
        </form>
      ) : null}
    </div>
  );
}

/** Generate, send, and sign or reject, for the signed-in party, as the contract's status allows. */
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
  if (!active) return null;
  if (!contract) return <GenerateContractForm partnershipId={partnershipId} />;
  if (contract.status === "draft") return <SendContractButton partnershipId={partnershipId} />;

  const mine = contract.signatories.find((s) => s.role === side);
  const other = side === "creator" ? "brand" : "creator";
  const canDecide = !mine && (contract.status === "sent" || contract.status === `signed_${other}`);
  if (canDecide) return <SignContractForm partnershipId={partnershipId} side={side} />;
  if (mine?.decision === "signed" && contract.status !== "active") {
    return (
      <p className="mt-3 text-sm text-slate-600" data-testid="contract-waiting">
        You have signed. Waiting for the {other} to sign.
      </p>
    );
  }
  return null;
}
