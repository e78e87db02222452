/**
 * The permission matrix: every route of the partner API and of the organisation's team,
 * called by every member role of one partner organisation and by the owner of another.
 * A role whose permission covers the route is never refused (no 401 or 403); a role it
 * does not cover gets 403 and changes nothing; the other organisation's owner finds none
 * of the first organisation's records (404). The matrix itself is printed for the record.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as stats } from "@/app/api/v1/partner/dashboard/stats/route";
import { GET as impactReports } from "@/app/api/v1/partner/impact/reports/route";
import { GET as impact } from "@/app/api/v1/partner/impact/route";
import { GET as outcomes } from "@/app/api/v1/partner/impact/student-outcomes/route";
import { GET as getOrganization, PUT as putOrganization } from "@/app/api/v1/partner/organization/route";
import { GET as getPayment } from "@/app/api/v1/partner/payments/[id]/route";
import { POST as sandboxPrompt } from "@/app/api/v1/partner/payments/[id]/sandbox-prompt/route";
import { GET as invoicePdf } from "@/app/api/v1/partner/payments/invoices/[id]/pdf/route";
import { GET as listInvoices } from "@/app/api/v1/partner/payments/invoices/route";
import { GET as receiptPdf } from "@/app/api/v1/partner/payments/receipts/[id]/pdf/route";
import { GET as listReceipts } from "@/app/api/v1/partner/payments/receipts/route";
import { GET as listPayments, POST as createPayment } from "@/app/api/v1/partner/payments/route";
import { GET as getProgram } from "@/app/api/v1/partner/programs/[id]/route";
import { GET as getTargets, PUT as putTargets } from "@/app/api/v1/partner/programs/[id]/targets/route";
import { GET as listPrograms, POST as createProgram } from "@/app/api/v1/partner/programs/route";
import { GET as downloadReport } from "@/app/api/v1/partner/reports/[id]/download/route";
import { GET as exportReport } from "@/app/api/v1/partner/reports/export/route";
import { GET as sponsoredStudents } from "@/app/api/v1/partner/sponsored-students/route";
import { GET as getSponsorship } from "@/app/api/v1/partner/sponsorships/[id]/route";
import { GET as listSponsorships, POST as createSponsorships } from "@/app/api/v1/partner/sponsorships/route";
import { POST as cancelOrder } from "@/app/api/v1/partner/standing-orders/[id]/cancel/route";
import { POST as pauseOrder } from "@/app/api/v1/partner/standing-orders/[id]/pause/route";
import { POST as resumeOrder } from "@/app/api/v1/partner/standing-orders/[id]/resume/route";
import { GET as getOrder } from "@/app/api/v1/partner/standing-orders/[id]/route";
import { GET as listOrders, POST as createOrder } from "@/app/api/v1/partner/standing-orders/route";
import { GET as statements } from "@/app/api/v1/partner/statements/route";
import { DELETE as revokeInvitation } from "@/app/api/v1/organization/invitations/[id]/route";
import { POST as invite } from "@/app/api/v1/organization/invitations/route";
import { DELETE as removeMember, PATCH as changeRole } from "@/app/api/v1/organization/members/[userId]/route";
import { GET as listMembers } from "@/app/api/v1/organization/members/route";
import { DELETE as revokeApiKey } from "@/app/api/v1/organization/api-keys/[id]/route";
import { GET as listApiKeys, POST as createApiKey } from "@/app/api/v1/organization/api-keys/route";
import { GET as listEvents } from "@/app/api/v1/events/route";
import { GET as readAuditLog } from "@/app/api/v1/organization/audit-log/route";
import { POST as resendDelivery } from "@/app/api/v1/organization/webhooks/[id]/deliveries/[deliveryId]/resend/route";
import { GET as listDeliveries } from "@/app/api/v1/organization/webhooks/[id]/deliveries/route";
import { DELETE as deleteWebhook } from "@/app/api/v1/organization/webhooks/[id]/route";
import { GET as listWebhooks, POST as createWebhook } from "@/app/api/v1/organization/webhooks/route";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import type { MemberRole } from "@/lib/generated/prisma/client";
import { PERMISSION_WORDS, roleAllows, type Permission } from "@/lib/organizations/permissions";
import { call, DEMO_PASSWORD, tokenFor } from "@/tests/helpers/http";

process.env.RATE_LIMIT_PER_MINUTE = "100000";
// Registration checks addresses; nothing is sent to this one during the matrix.
process.env.WEBHOOK_ALLOWED_HOSTS = "127.0.0.1";

type Handler = Parameters<typeof call>[0];
interface Request {
  url: string;
  method?: string;
  params?: Record<string, string>;
  body?: unknown;
}
interface Route {
  name: string;
  handler: Handler;
  permission: Permission;
  /** The request, made afresh for each caller (a write may need its own record to act on). */
  request: (caller: string) => Promise<Request> | Request;
  /** Names one of the organisation's records: another organisation's owner gets 404. */
  record?: boolean;
}

const ROLES: MemberRole[] = ["owner", "admin", "finance", "member", "viewer"];
const tokens = {} as Record<MemberRole | "other", string>;
const ids = {} as Record<"payment" | "sandboxPayment" | "program" | "sponsorship" | "invoice" | "receipt" | "report" | "order", string>;
let elimu: string;
let courseId: string;
let freeStudents: string[] = [];
let sequence = 0;
const today = new Date().toISOString().slice(0, 10);

async function fixtureMember(email: string, role: MemberRole) {
  return getDb().user.create({
    data: {
      email,
      name: `Matrix ${role}`,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      role: "partner",
      organizationId: elimu,
      memberships: { create: { organizationId: elimu, role } },
    },
  });
}

beforeAll(async () => {
  const db = getDb();
  elimu = (await db.user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).organizationId!;
  await fixtureMember("matrix.admin@fixture.test", "admin");
  const emails: Record<MemberRole | "other", string> = {
    owner: "partner@demo.test",
    admin: "matrix.admin@fixture.test",
    finance: "finance@demo.test",
    member: "programs@demo.test",
    viewer: "board@demo.test",
    other: "partner2@demo.test",
  };
  for (const [role, email] of Object.entries(emails)) tokens[role as MemberRole] = await tokenFor(email);

  const first = async <T>(rows: Promise<T | null>) => (await rows)!;
  ids.payment = (await first(db.payment.findFirst({ where: { partnerId: elimu }, orderBy: { createdAt: "asc" } }))).id;
  ids.program = (await first(db.program.findFirst({ where: { partnerId: elimu }, orderBy: { createdAt: "asc" } }))).id;
  ids.sponsorship = (await first(db.sponsorship.findFirst({ where: { partnerId: elimu }, orderBy: { createdAt: "asc" } }))).id;
  ids.invoice = (await first(db.invoice.findFirst({ where: { partnerId: elimu }, orderBy: { createdAt: "asc" } }))).id;
  ids.receipt = (await first(db.receipt.findFirst({ where: { partnerId: elimu }, orderBy: { issuedAt: "asc" } }))).id;
  courseId = (await first(db.course.findFirst({ orderBy: { id: "asc" } }))).id;
  freeStudents = (
    await db.student.findMany({ where: { sponsorships: { none: {} } }, orderBy: { id: "asc" }, take: 10, select: { id: true } })
  ).map((s) => s.id);

  const report = await call(exportReport, `/api/v1/partner/reports/export?format=csv&report_type=financial`, { token: tokens.owner });
  expect(report.status).toBe(200);
  ids.report = report.body.report_id;
  const order = await call(createOrder, "/api/v1/partner/standing-orders", {
    token: tokens.owner,
    body: { description: "Matrix", method: "bank_transfer", program_id: ids.program, amount: 10, frequency: "monthly", start_date: today },
  });
  expect(order.status).toBe(201);
  ids.order = order.body.id;
});

/** A webhook of the organisation with one delivery, registered by its owner. */
async function webhookWithDelivery(): Promise<{ webhookId: string; deliveryId: string }> {
  const made = await call(createWebhook, "/api/v1/organization/webhooks", {
    token: tokens.owner,
    body: { url: "http://127.0.0.1:9/hooks", event_types: ["payment.completed"] },
  });
  expect(made.status).toBe(201);
  const webhookId = made.body.webhook.id as string;
  const event = await getDb().event.create({
    data: {
      organizationId: elimu,
      type: "payment.completed",
      subjectType: "payment",
      subjectId: ids.payment,
      data: {},
      link: "/dashboard/payments",
      summary: "Matrix",
    },
  });
  const delivery = await getDb().webhookDelivery.create({ data: { endpointId: webhookId, eventId: event.id, status: "failed" } });
  return { webhookId, deliveryId: delivery.id };
}

/** A pending sandbox M-Pesa payment of the organisation, for each call to answer. */
async function pendingSandboxPayment(): Promise<string> {
  const res = await call(createPayment, "/api/v1/partner/payments", {
    token: tokens.owner,
    body: { amount: 10, method: "mpesa", phone_number: "0712345678" },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

const read = (name: string, handler: Handler, url: string, params?: Record<string, string>): Route => ({
  name,
  handler,
  permission: "read",
  request: () => ({ url, params }),
  record: params !== undefined,
});

const ROUTES: Route[] = [
  read("GET dashboard/stats", stats, "/api/v1/partner/dashboard/stats"),
  read("GET impact", impact, "/api/v1/partner/impact"),
  read("GET impact/student-outcomes", outcomes, "/api/v1/partner/impact/student-outcomes"),
  read("GET impact/reports", impactReports, "/api/v1/partner/impact/reports?format=csv"),
  read("GET reports/export", exportReport, "/api/v1/partner/reports/export?format=csv&report_type=financial"),
  read("GET sponsored-students", sponsoredStudents, "/api/v1/partner/sponsored-students"),
  read("GET sponsorships", listSponsorships, "/api/v1/partner/sponsorships"),
  read("GET programs", listPrograms, "/api/v1/partner/programs"),
  read("GET payments", listPayments, "/api/v1/partner/payments"),
  read("GET payments/invoices", listInvoices, "/api/v1/partner/payments/invoices"),
  read("GET payments/receipts", listReceipts, "/api/v1/partner/payments/receipts"),
  read("GET statements", statements, `/api/v1/partner/statements?start_date=2025-07-01&end_date=2026-06-30`),
  read("GET standing-orders", listOrders, "/api/v1/partner/standing-orders"),
  read("GET organization", getOrganization, "/api/v1/partner/organization"),
  read("GET organization/members", listMembers, "/api/v1/organization/members"),
  read("GET events", listEvents, "/api/v1/events"),
  {
    ...read("GET sponsorships/{id}", getSponsorship, ""),
    request: () => ({ url: `/api/v1/partner/sponsorships/${ids.sponsorship}`, params: { id: ids.sponsorship } }),
    record: true,
  },
  {
    ...read("GET programs/{id}", getProgram, ""),
    request: () => ({ url: `/api/v1/partner/programs/${ids.program}`, params: { id: ids.program } }),
    record: true,
  },
  {
    ...read("GET programs/{id}/targets", getTargets, ""),
    request: () => ({ url: `/api/v1/partner/programs/${ids.program}/targets`, params: { id: ids.program } }),
    record: true,
  },
  {
    ...read("GET payments/{id}", getPayment, ""),
    request: () => ({ url: `/api/v1/partner/payments/${ids.payment}`, params: { id: ids.payment } }),
    record: true,
  },
  {
    ...read("GET payments/invoices/{id}/pdf", invoicePdf, ""),
    request: () => ({ url: `/api/v1/partner/payments/invoices/${ids.invoice}/pdf`, params: { id: ids.invoice } }),
    record: true,
  },
  {
    ...read("GET payments/receipts/{id}/pdf", receiptPdf, ""),
    request: () => ({ url: `/api/v1/partner/payments/receipts/${ids.receipt}/pdf`, params: { id: ids.receipt } }),
    record: true,
  },
  {
    ...read("GET reports/{id}/download", downloadReport, ""),
    request: () => ({ url: `/api/v1/partner/reports/${ids.report}/download`, params: { id: ids.report } }),
    record: true,
  },
  {
    ...read("GET standing-orders/{id}", getOrder, ""),
    request: () => ({ url: `/api/v1/partner/standing-orders/${ids.order}`, params: { id: ids.order } }),
    record: true,
  },
  {
    name: "POST sponsorships",
    handler: createSponsorships,
    permission: "work",
    request: () => ({
      url: "/api/v1/partner/sponsorships",
      body: {
        student_ids: [freeStudents[sequence++ % freeStudents.length]],
        type: "partial",
        amount_per_student: 1000,
        start_date: "2027-01-01",
        end_date: "2027-12-31",
      },
    }),
  },
  {
    name: "POST programs",
    handler: createProgram,
    permission: "work",
    request: (caller) => ({
      url: "/api/v1/partner/programs",
      body: {
        name: `Matrix program by ${caller}`,
        description: "A program made by the permission matrix",
        target_students: 5,
        budget: 10000,
        currency: "KES",
        course_ids: [courseId],
        start_date: "2027-01-01",
        end_date: "2027-12-31",
      },
    }),
  },
  {
    name: "PUT programs/{id}/targets",
    handler: putTargets,
    permission: "work",
    record: true,
    request: () => ({
      url: `/api/v1/partner/programs/${ids.program}/targets`,
      method: "PUT",
      params: { id: ids.program },
      body: { targets: [] },
    }),
  },
  {
    name: "POST payments",
    handler: createPayment,
    permission: "finance",
    request: () => ({ url: "/api/v1/partner/payments", body: { amount: 100, method: "bank_transfer" } }),
  },
  {
    name: "POST payments/{id}/sandbox-prompt",
    handler: sandboxPrompt,
    permission: "finance",
    record: true,
    request: async () => {
      const id = await pendingSandboxPayment();
      return { url: `/api/v1/partner/payments/${id}/sandbox-prompt`, params: { id }, body: { action: "cancel" } };
    },
  },
  {
    name: "POST standing-orders",
    handler: createOrder,
    permission: "finance",
    request: () => ({
      url: "/api/v1/partner/standing-orders",
      body: {
        description: "Matrix",
        method: "bank_transfer",
        program_id: ids.program,
        amount: 10,
        frequency: "monthly",
        start_date: today,
      },
    }),
  },
  ...(
    [
      ["pause", pauseOrder],
      ["resume", resumeOrder],
    ] as const
  ).map(([verb, handler]): Route => ({
    name: `POST standing-orders/{id}/${verb}`,
    handler,
    permission: "finance",
    record: true,
    request: () => ({ url: `/api/v1/partner/standing-orders/${ids.order}/${verb}`, params: { id: ids.order }, body: {} }),
  })),
  {
    name: "POST standing-orders/{id}/cancel",
    handler: cancelOrder,
    permission: "finance",
    record: true,
    request: async () => {
      const order = await call(createOrder, "/api/v1/partner/standing-orders", {
        token: tokens.owner,
        body: {
          description: "To cancel",
          method: "bank_transfer",
          program_id: ids.program,
          amount: 10,
          frequency: "monthly",
          start_date: today,
        },
      });
      return { url: `/api/v1/partner/standing-orders/${order.body.id}/cancel`, params: { id: order.body.id }, body: {} };
    },
  },
  {
    name: "PUT organization",
    handler: putOrganization,
    permission: "finance",
    request: () => ({ url: "/api/v1/partner/organization", method: "PUT", body: { billing_email: "finance@elimubora.example" } }),
  },
  {
    name: "POST organization/invitations",
    handler: invite,
    permission: "manage",
    request: (caller) => ({
      url: "/api/v1/organization/invitations",
      body: { email: `invited.by.${caller}.${sequence++}@fixture.test`, role: "viewer" },
    }),
  },
  {
    name: "DELETE organization/invitations/{id}",
    handler: revokeInvitation,
    permission: "manage",
    record: true,
    request: async () => {
      const made = await call(invite, "/api/v1/organization/invitations", {
        token: tokens.owner,
        body: { email: `to.withdraw.${sequence++}@fixture.test`, role: "viewer" },
      });
      const id = made.body.invitation.id as string;
      return { url: `/api/v1/organization/invitations/${id}`, method: "DELETE", params: { id } };
    },
  },
  {
    name: "PATCH organization/members/{userId}",
    handler: changeRole,
    permission: "manage",
    record: true,
    request: async () => {
      const user = await fixtureMember(`to.change.${sequence++}@fixture.test`, "viewer");
      return { url: `/api/v1/organization/members/${user.id}`, method: "PATCH", params: { userId: user.id }, body: { role: "member" } };
    },
  },
  {
    name: "DELETE organization/members/{userId}",
    handler: removeMember,
    permission: "manage",
    record: true,
    request: async () => {
      const user = await fixtureMember(`to.remove.${sequence++}@fixture.test`, "viewer");
      return { url: `/api/v1/organization/members/${user.id}`, method: "DELETE", params: { userId: user.id } };
    },
  },
  {
    name: "GET organization/api-keys",
    handler: listApiKeys,
    permission: "manage",
    request: () => ({ url: "/api/v1/organization/api-keys" }),
  },
  {
    name: "POST organization/api-keys",
    handler: createApiKey,
    permission: "manage",
    request: (caller) => ({ url: "/api/v1/organization/api-keys", body: { name: `Key of ${caller}`, scopes: ["payments:read"] } }),
  },
  {
    name: "DELETE organization/api-keys/{id}",
    handler: revokeApiKey,
    permission: "manage",
    record: true,
    request: async () => {
      const made = await call(createApiKey, "/api/v1/organization/api-keys", {
        token: tokens.owner,
        body: { name: `To revoke ${sequence++}`, scopes: ["payments:read"] },
      });
      const id = made.body.api_key.id as string;
      return { url: `/api/v1/organization/api-keys/${id}`, method: "DELETE", params: { id } };
    },
  },
  {
    name: "GET organization/audit-log",
    handler: readAuditLog,
    permission: "manage",
    request: () => ({ url: "/api/v1/organization/audit-log" }),
  },
  {
    name: "GET organization/webhooks",
    handler: listWebhooks,
    permission: "manage",
    request: () => ({ url: "/api/v1/organization/webhooks" }),
  },
  {
    name: "POST organization/webhooks",
    handler: createWebhook,
    permission: "manage",
    request: () => ({
      url: "/api/v1/organization/webhooks",
      body: { url: "http://127.0.0.1:9/hooks", event_types: ["payment.completed"] },
    }),
  },
  {
    name: "DELETE organization/webhooks/{id}",
    handler: deleteWebhook,
    permission: "manage",
    record: true,
    request: async () => {
      const { webhookId } = await webhookWithDelivery();
      return { url: `/api/v1/organization/webhooks/${webhookId}`, method: "DELETE", params: { id: webhookId } };
    },
  },
  {
    name: "GET organization/webhooks/{id}/deliveries",
    handler: listDeliveries,
    permission: "manage",
    record: true,
    request: async () => {
      const { webhookId } = await webhookWithDelivery();
      return { url: `/api/v1/organization/webhooks/${webhookId}/deliveries`, params: { id: webhookId } };
    },
  },
  {
    name: "POST organization/webhooks/{id}/deliveries/{deliveryId}/resend",
    handler: resendDelivery,
    permission: "manage",
    record: true,
    request: async () => {
      const { webhookId, deliveryId } = await webhookWithDelivery();
      return {
        url: `/api/v1/organization/webhooks/${webhookId}/deliveries/${deliveryId}/resend`,
        params: { id: webhookId, deliveryId },
        body: {},
      };
    },
  },
];

const results: Record<string, Record<string, number>> = {};

afterAll(() => {
  const header = ["route", "permission", ...ROLES, "other org"];
  const rows = ROUTES.map((route) => [
    route.name,
    route.permission,
    ...ROLES.map((r) => results[route.name]?.[r] ?? "-"),
    results[route.name]?.other ?? "-",
  ]);
  console.log([header, ...rows].map((row) => row.join(" | ")).join("\n"));
});

describe("the permission matrix", () => {
  it.each(ROUTES.map((route) => [route.name, route] as const))("%s", async (name, route) => {
    results[name] = {};
    for (const role of ROLES) {
      const request = await route.request(role);
      const res = await call(route.handler, request.url, { token: tokens[role], ...request });
      results[name][role] = res.status;
      if (roleAllows(role, route.permission)) {
        expect([401, 403], `${name} as ${role}: ${JSON.stringify(res.body)}`).not.toContain(res.status);
        expect(res.status, `${name} as ${role}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      } else {
        expect(res.status, `${name} as ${role}`).toBe(403);
        expect(res.body.detail).toBe(`Your role (${role}) cannot ${PERMISSION_WORDS[route.permission]}`);
      }
    }
    // The other organisation's owner may do all of it, but to none of these records.
    const request = await route.request("other");
    const res = await call(route.handler, request.url, { token: tokens.other, ...request });
    results[name].other = res.status;
    if (route.record) expect(res.status, `${name} as another organisation's owner`).toBe(404);
    else expect([401, 403]).not.toContain(res.status);
  });

  it("changed nothing for a refused caller: every refused write left no record", async () => {
    const db = getDb();
    expect(await db.program.count({ where: { name: { in: ["Matrix program by finance", "Matrix program by viewer"] } } })).toBe(0);
    expect(await db.invitation.count({ where: { email: { startsWith: "invited.by.member" } } })).toBe(0);
    expect(await db.invitation.count({ where: { email: { startsWith: "invited.by.viewer" } } })).toBe(0);
    expect(await db.invitation.count({ where: { email: { startsWith: "invited.by.finance" } } })).toBe(0);
  });
});
