"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import type { Counterpart } from "@/lib/partnerships/list-counterparts";
import { counterProposalBody, createProposalBody, updateProposalBody } from "@/lib/partnerships/schemas/proposals";
import {
  counterProposalAction,
  createProposalAction,
  saveUnfinishedProposalAction,
  updateProposalAction,
} from "@/modules/workspace/proposals/actions";
import { zodFieldErrors } from "@/lib/forms/field-errors";
import { labelFor } from "@/lib/humanize";
import {
  CURRENCIES,
  DELIVERABLE_TYPES,
  emptyDeliverable,
  proposalBody,
  proposalContent,
  unfinishedFields,
  type DeliverableValues,
  type ProposalValues,
} from "./proposal-form";
import { formatMoney } from "@/lib/format";

type Mode =
  | { kind: "create"; unfinishedId?: string }
  | { kind: "edit"; proposalId: string }
  | { kind: "counter"; proposalId: string; recipientName: string };

const SCHEMAS = { create: createProposalBody, edit: updateProposalBody, counter: counterProposalBody } as const;

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Nothing typed yet: there is nothing to keep, so the form says what a draft needs instead. */
function isBlank(fields: ReturnType<typeof unfinishedFields>): boolean {
  // The currency always has a value, so it says nothing about what was typed.
  const typed = Object.entries(fields).filter(([key]) => key !== "currency" && key !== "deliverables");
  return (
    typed.every(([, v]) => String(v).trim() === "") && fields.deliverables.every((d) => Object.values(d).every((v) => v.trim() === ""))
  );
}

function withCurrent(values: readonly string[], current: string): string[] {
  return current && !values.includes(current) ? [...values, current] : [...values];
}

function amountPreview(amount: string, currency: string): string | undefined {
  const value = Number(amount);
  if (amount.trim() === "" || !Number.isFinite(value) || !/^[A-Z]{3}$/.test(currency)) return undefined;
  try {
    return `Shown as ${formatMoney(value, currency)}`;
  } catch {
    return undefined;
  }
}

/**
 * The proposal form: recipient, deliverables, compensation, timeline and terms. Creates a
 * draft, edits one, or answers a received proposal with a counter-proposal.
 */
export function ProposalComposer({
  mode,
  initial,
  counterparts = [],
  campaigns = [],
  viewerRole,
}: {
  mode: Mode;
  initial: ProposalValues;
  counterparts?: Counterpart[];
  /** The brand's campaigns a proposal may belong to (brands only). */
  campaigns?: Array<{ id: string; name: string }>;
  viewerRole: "creator" | "brand";
}) {
  const router = useRouter();
  const [values, setValues] = useState<ProposalValues>(initial);
  const [unfinishedId, setUnfinishedId] = useState(mode.kind === "create" ? mode.unfinishedId : undefined);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const unfinished = useFormAction(saveUnfinishedProposalAction, {
    refresh: false,
    onSuccess: (result) => {
      setUnfinishedId(result.id);
      router.replace(`/workspace/proposals/new?unfinished=${result.id}`, { scroll: false });
    },
  });
  const intent = useRef<"draft" | "send">("draft");
  const [sending, setSending] = useState(false);

  const { state, pending, submit, fieldErrors } = useFormAction(
    (input: unknown) => {
      const send = intent.current === "send";
      if (mode.kind === "create") return createProposalAction(input, { send, unfinishedId });
      if (mode.kind === "edit") return updateProposalAction(mode.proposalId, input, { send });
      return counterProposalAction(mode.proposalId, input);
    },
    { schema: SCHEMAS[mode.kind], onSuccess: (result) => router.push(`/workspace/proposals/${result.id}`) },
  );

  const formRef = useRef<HTMLFormElement>(null);
  const focusRow = useRef<number | null>(null);

  // After a refused submit, take keyboard users to the first field that needs fixing.
  useEffect(() => {
    if (state.status === "error") formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  // A newly added deliverable row gets the focus on its first control.
  useEffect(() => {
    if (focusRow.current === null) return;
    formRef.current?.querySelectorAll<HTMLElement>('[data-testid="deliverable-row"] select')[focusRow.current]?.focus();
    focusRow.current = null;
  }, [values.deliverables.length]);

  const set =
    <K extends keyof ProposalValues>(key: K) =>
    (event: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [key]: event.target.value }));
  const setDeliverable = (index: number, key: keyof Omit<DeliverableValues, "key">) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, deliverables: v.deliverables.map((d, i) => (i === index ? { ...d, [key]: event.target.value } : d)) }));
  const addDeliverable = () => {
    focusRow.current = values.deliverables.length;
    setValues((v) => ({ ...v, deliverables: [...v.deliverables, emptyDeliverable()] }));
  };
  const removeDeliverable = (index: number) => setValues((v) => ({ ...v, deliverables: v.deliverables.filter((_, i) => i !== index) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    intent.current = mode.kind === "counter" || submitter?.value === "send" ? "send" : "draft";
    setSending(intent.current === "send");
    setMissing({});
    // A draft needs every required field; until then "Save draft" keeps the fields as typed.
    if (mode.kind === "create" && intent.current === "draft" && !isBlank(unfinishedFields(values))) {
      const body = proposalBody(values);
      const parsed = createProposalBody.safeParse(body);
      if (!parsed.success) {
        setMissing(zodFieldErrors(parsed.error, body));
        unfinished.submit({ ...(unfinishedId ? { id: unfinishedId } : {}), fields: unfinishedFields(values) });
        return;
      }
    }
    unfinished.reset();
    submit(
      mode.kind === "counter"
        ? { ...proposalContent(values), ...(values.message.trim() ? { message: values.message } : {}) }
        : proposalBody(values),
    );
  }

  const other = viewerRole === "brand" ? "creator" : "brand";
  const error = (path: string) => fieldErrors[path] ?? missing[path];

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6" data-testid="proposal-composer" aria-busy={pending}>
      <Section title="Who it is for" id="recipient-heading">
        {mode.kind === "counter" ? (
          <p className="text-slate-800">
            Your counter-proposal goes back to <strong>{mode.recipientName}</strong>. Change what you want different; the rest stays as
            proposed.
          </p>
        ) : null}
        {mode.kind === "counter" ? (
          <TextAreaField
            label="Message (optional)"
            hint="Why you propose these changes; it is shown with the counter-proposal."
            name="message"
            rows={3}
            maxLength={2000}
            value={values.message}
            onChange={set("message")}
            error={error("message")}
          />
        ) : (
          <SelectField
            label="Recipient"
            hint={`The ${other} you are proposing to.`}
            placeholder={`Choose a ${other}`}
            options={counterparts.map((c) => ({ value: c.id, label: c.name }))}
            value={values.recipientId}
            onChange={set("recipientId")}
            error={error("recipientId")}
          />
        )}
        {mode.kind !== "counter" && viewerRole === "brand" ? (
          <SelectField
            label="Campaign (optional)"
            hint="Its spend counts against the campaign's budget."
            placeholder="No campaign"
            options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
            value={values.campaignId}
            onChange={set("campaignId")}
            error={error("campaignId")}
          />
        ) : null}
      </Section>

      <Section title="Deliverables" id="deliverables-heading">
        {error("deliverables") ? (
          <p className="text-sm text-red-700" data-testid="deliverables-error">
            {error("deliverables")}
          </p>
        ) : null}
        <ol className="space-y-4">
          {values.deliverables.map((d, index) => {
            const at = `deliverables.${index}`;
            return (
              <li key={d.key} data-testid="deliverable-row">
                <fieldset className="rounded-md border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-semibold text-slate-700">Deliverable {index + 1}</legend>
                  <div className="grid gap-3 sm:grid-cols-2">
                    <SelectField
                      label="Type"
                      placeholder="Choose a type"
                      options={withCurrent(DELIVERABLE_TYPES, d.type).map((t) => ({ value: t, label: labelFor(t) }))}
                      value={d.type}
                      onChange={setDeliverable(index, "type")}
                      error={error(`${at}.type`)}
                    />
                    <TextField
                      label="Due date"
                      type="date"
                      value={d.dueDate}
                      onChange={setDeliverable(index, "dueDate")}
                      error={error(`${at}.dueDate`)}
                    />
                    <div className="sm:col-span-2">
                      <TextField
                        label="Description"
                        value={d.description}
                        onChange={setDeliverable(index, "description")}
                        error={error(`${at}.description`)}
                        maxLength={2000}
                      />
                    </div>
                    <div className="sm:col-span-2">
                      <TextAreaField
                        label="Requirements"
                        hint="Optional: hashtags, tags, approvals, format."
                        rows={2}
                        value={d.requirements}
                        onChange={setDeliverable(index, "requirements")}
                        error={error(`${at}.requirements`)}
                      />
                    </div>
                  </div>
                  <div className="mt-3 flex justify-end">
                    <Button
                      type="button"
                      variant="secondary"
                      onClick={() => removeDeliverable(index)}
                      aria-label={`Remove deliverable ${index + 1}`}
                    >
                      Remove
                    </Button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button type="button" variant="secondary" onClick={addDeliverable} disabled={values.deliverables.length >= 50}>
          Add deliverable
        </Button>
      </Section>

      <Section title="Compensation" id="compensation-heading">
        <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
          <TextField
            label="Amount"
            type="number"
            inputMode="decimal"
            min="0.01"
            step="0.01"
            value={values.amount}
            onChange={set("amount")}
            error={error("compensation.amount")}
            hint={amountPreview(values.amount, values.currency)}
          />
          <SelectField
            label="Currency"
            options={withCurrent(CURRENCIES, values.currency).map((c) => ({ value: c, label: c }))}
            value={values.currency}
            onChange={set("currency")}
            error={error("compensation.currency")}
          />
        </div>
        <TextField
          label="Payment schedule"
          hint="For example “30% upfront, 70% on completion”, “USD 20 on signing, rest on completion” or “25% on signing; 25% on approval of deliverable 1; 50% on completion” (deliverables by number). Left empty, the whole amount is paid on completion."
          value={values.paymentSchedule}
          onChange={set("paymentSchedule")}
          error={error("compensation.paymentSchedule")}
          maxLength={500}
        />
      </Section>

      <Section title="Timeline" id="timeline-heading">
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Start date"
            type="date"
            value={values.startDate}
            onChange={set("startDate")}
            error={error("timeline.startDate")}
          />
          <TextField label="End date" type="date" value={values.endDate} onChange={set("endDate")} error={error("timeline.endDate")} />
        </div>
      </Section>

      <Section title="Terms" id="terms-heading">
        <div className="grid gap-3 sm:grid-cols-2">
          <TextAreaField
            label="Content rights"
            rows={2}
            value={values.contentRights}
            onChange={set("contentRights")}
            error={error("terms.contentRights")}
          />
          <TextAreaField
            label="Exclusivity"
            rows={2}
            value={values.exclusivity}
            onChange={set("exclusivity")}
            error={error("terms.exclusivity")}
          />
          <TextAreaField label="Revisions" rows={2} value={values.revisions} onChange={set("revisions")} error={error("terms.revisions")} />
          <TextAreaField
            label="Additional terms"
            rows={2}
            value={values.additionalTerms}
            onChange={set("additionalTerms")}
            error={error("terms.additionalTerms")}
          />
        </div>
      </Section>

      <div className="space-y-3">
        {error("form") ? <p className="text-sm text-red-700">{error("form")}</p> : null}
        {unfinished.state.status !== "idle" || unfinished.pending ? (
          <FormStatus state={unfinished.state} pending={unfinished.pending} pendingText="Saving the unfinished draft…" />
        ) : null}
        <FormStatus
          state={state}
          pending={pending}
          pendingText={mode.kind === "counter" ? "Sending the counter-proposal…" : sending ? "Sending the proposal…" : "Saving the draft…"}
        />
        <div className="flex flex-wrap gap-3">
          {mode.kind === "counter" ? (
            <Button type="submit" value="send" disabled={pending}>
              Send counter-proposal
            </Button>
          ) : (
            <>
              <Button type="submit" value="draft" variant="secondary" disabled={pending}>
                Save draft
              </Button>
              <Button type="submit" value="send" disabled={pending}>
                Send
              </Button>
            </>
          )}
        </div>
      </div>
    </form>
  );
}
