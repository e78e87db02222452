"use server";

import { requirePageActor } from "@/lib/auth/page-guard";
import { runAction } from "@/lib/forms/run-action";
import { recordStudentConsent } from "@/lib/sponsorship/record-student-consent";
import { studentConsentBody } from "@/lib/sponsorship/schemas/student-consent";

/** Records or withdraws the guardian's consent that the partner may show the student's full name. */
export async function recordStudentConsentAction(studentId: string, input: unknown) {
  const actor = await requirePageActor(["partner"]);
  const recording = studentConsentBody.safeParse(input).data?.consented ?? false;
  return runAction(
    studentConsentBody,
    input,
    async (body) => {
      const state = await recordStudentConsent({ actor, studentId, body });
      return { consented: state.consented };
    },
    {
      actor,
      action: "student.record-consent",
      target: { studentId },
      successMessage: recording ? "Consent recorded." : "Consent withdrawn.",
    },
  );
}
