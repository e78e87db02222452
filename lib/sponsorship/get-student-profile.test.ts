import { describe, expect, it } from "vitest";
import { actorByEmail } from "@/tests/helpers/actors";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getStudentProfile } from "./get-student-profile";
import { recordStudentConsent } from "./record-student-consent";

/** A student partner@demo.test sponsors and partner2@demo.test neither sponsors nor reaches through a program. */
async function studentOfFirstPartnerOnly() {
  const [partner, other] = await Promise.all([actorByEmail("partner@demo.test"), actorByEmail("partner2@demo.test")]);
  const student = await getDb().student.findFirstOrThrow({
    where: {
      sponsorships: { some: { partnerId: partner.organizationId!, payments: { some: {} } } },
      NOT: [
        { sponsorships: { some: { partnerId: other.organizationId! } } },
        { programs: { some: { program: { partnerId: other.organizationId! } } } },
      ],
      assessments: { some: {} },
    },
    orderBy: { id: "asc" },
    select: { id: true, firstName: true, lastName: true },
  });
  return { partner, other, student };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as AppError,
  );

describe("a student's profile", () => {
  it("shows the sponsoring partner the student's scores, courses, certificates, sponsorships and payments", async () => {
    const { partner, student } = await studentOfFirstPartnerOnly();
    const db = getDb();
    const profile = await getStudentProfile({ actor: partner, studentId: student.id });
    expect(profile).toMatchObject({ id: student.id, firstName: student.firstName, lastName: student.lastName });

    const assessments = await db.assessment.findMany({ where: { studentId: student.id }, select: { score: true } });
    expect(profile.scores.reduce((sum, point) => sum + point.assessments, 0)).toBe(assessments.length);
    expect(profile.courses).toHaveLength(await db.enrollment.count({ where: { studentId: student.id } }));
    expect(profile.certificates).toHaveLength(await db.certificate.count({ where: { studentId: student.id } }));

    const sponsorships = await db.sponsorship.findMany({
      where: { partnerId: partner.organizationId!, studentId: student.id },
      select: { id: true, payments: { select: { paymentId: true } } },
    });
    expect(profile.sponsorships.map((s) => s.id).sort()).toEqual(sponsorships.map((s) => s.id).sort());
    const payments = (list: Array<{ id: string; payments: Array<{ id: string }> }>) =>
      list.flatMap((s) => s.payments.map((p) => p.id)).sort();
    expect(payments(profile.sponsorships)).toEqual(
      payments(sponsorships.map((s) => ({ id: s.id, payments: s.payments.map((p) => ({ id: p.paymentId })) }))),
    );
    expect(payments(profile.sponsorships).length).toBeGreaterThan(0);
  });

  it("is not found for another partner, for a malformed id and for a student nobody sponsors", async () => {
    const { other, student } = await studentOfFirstPartnerOnly();
    expect(await refusal(getStudentProfile({ actor: other, studentId: student.id }))).toMatchObject({ code: "resource_not_found" });
    expect(await refusal(getStudentProfile({ actor: other, studentId: "not-a-uuid" }))).toMatchObject({ code: "resource_not_found" });
    const unsponsored = await getDb().student.findFirstOrThrow({
      where: { sponsorships: { none: {} }, programs: { none: {} } },
      select: { id: true },
    });
    const partner = await actorByEmail("partner@demo.test");
    expect(await refusal(getStudentProfile({ actor: partner, studentId: unsponsored.id }))).toMatchObject({ code: "resource_not_found" });
  });

  it("shows a story only once the guardian consented to it", async () => {
    const partner = await actorByEmail("partner@demo.test");
    const db = getDb();
    const visible = { sponsorships: { some: { partnerId: partner.organizationId! } } };
    const consented = await db.student.findFirstOrThrow({ where: { ...visible, story: { not: null }, storyConsentAt: { not: null } } });
    const waiting = await db.student.findFirstOrThrow({ where: { ...visible, story: { not: null }, storyConsentAt: null } });
    expect((await getStudentProfile({ actor: partner, studentId: consented.id })).story).toBe(consented.story);
    expect((await getStudentProfile({ actor: partner, studentId: waiting.id })).story).toBeNull();
  });
});

describe("the full-name consent", () => {
  it("is recorded and withdrawn by a member who does the day-to-day work, with who recorded it and when", async () => {
    const { student } = await studentOfFirstPartnerOnly();
    const member = await actorByEmail("programs@demo.test");
    const db = getDb();
    const before = new Date();
    const recorded = await recordStudentConsent({ actor: member, studentId: student.id, body: { consented: true, note: "Form on file" } });
    expect(recorded.consented).toBe(true);
    const profile = await getStudentProfile({ actor: member, studentId: student.id });
    expect(profile.fullNameConsent).toMatchObject({ note: "Form on file" });
    expect(profile.fullNameConsent!.recordedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const row = await db.studentConsent.findFirstOrThrow({ where: { studentId: student.id, organizationId: member.organizationId! } });
    expect(row.recordedById).toBe(member.id);
    expect(profile.fullNameConsent!.recordedBy).toBe(member.name);

    expect(await recordStudentConsent({ actor: member, studentId: student.id, body: { consented: false } })).toEqual({
      consented: false,
      recordedAt: null,
    });
    expect((await getStudentProfile({ actor: member, studentId: student.id })).fullNameConsent).toBeNull();
  });

  it("refuses a viewer (403) and another partner (404), changing nothing", async () => {
    const { other, student } = await studentOfFirstPartnerOnly();
    const viewer = await actorByEmail("board@demo.test");
    const db = getDb();
    const count = () => db.studentConsent.count({ where: { studentId: student.id } });
    const before = await count();
    expect(await refusal(recordStudentConsent({ actor: viewer, studentId: student.id, body: { consented: true } }))).toMatchObject({
      code: "insufficient_permissions",
      status: 403,
    });
    expect(await refusal(recordStudentConsent({ actor: other, studentId: student.id, body: { consented: true } }))).toMatchObject({
      code: "resource_not_found",
      status: 404,
    });
    expect(await count()).toBe(before);
  });
});
