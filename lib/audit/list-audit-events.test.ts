import { describe, expect, it } from "vitest";
import { actorByEmail } from "@/tests/helpers/actors";
import { parseCsv } from "@/tests/helpers/csv";
import { auditLogCsvFile, listAuditEvents } from "./list-audit-events";
import { recordAuditEvent } from "./record-audit-event";
import { listAuditEventsQuery } from "./schemas/audit-events";

const client = { ipAddress: "203.0.113.9", userAgent: "vitest" };

describe("searching the audit log", () => {
  it("finds a word of the action or refusal across pages, with the other filters, in the caller's organisation only", async () => {
    const owner = await actorByEmail("partner@demo.test");
    const other = await actorByEmail("partner2@demo.test");
    for (let i = 0; i < 3; i++) {
      await recordAuditEvent({ actor: owner, channel: "app", action: `zebra.crossing.${i}`, target: {}, status: 200, client });
    }
    await recordAuditEvent({ actor: owner, channel: "api", action: "POST /x", target: {}, status: 409, error: "Zebra refused", client });
    await recordAuditEvent({ actor: other, channel: "app", action: "zebra.elsewhere", target: {}, status: 200, client });

    const pages = [];
    for (let page = 1; page <= 2; page++) {
      pages.push(await listAuditEvents({ actor: owner, query: listAuditEventsQuery.parse({ limit: 2, page }), q: "ZEBRA" }));
    }
    expect(pages[0]!.pagination.total).toBe(4);
    const actions = pages.flatMap((page) => page.audit_events.map((event) => event.action));
    expect(actions.sort()).toEqual(["POST /x", "zebra.crossing.0", "zebra.crossing.1", "zebra.crossing.2"]);

    const refused = await listAuditEvents({ actor: owner, query: listAuditEventsQuery.parse({ succeeded: "false" }), q: "zebra" });
    expect(refused.audit_events.map((event) => event.action)).toEqual(["POST /x"]);
    const theirs = await listAuditEvents({ actor: other, query: listAuditEventsQuery.parse({}), q: "zebra" });
    expect(theirs.audit_events.map((event) => event.action)).toEqual(["zebra.elsewhere"]);
    // The member's email is searched too.
    const byEmail = await listAuditEvents({ actor: owner, query: listAuditEventsQuery.parse({ channel: "app" }), q: "partner@demo" });
    expect(byEmail.audit_events.length).toBeGreaterThanOrEqual(3);
    expect(byEmail.audit_events.every((event) => event.email === "partner@demo.test" && event.channel === "app")).toBe(true);

    const file = await auditLogCsvFile({ actor: owner, params: new URLSearchParams({ q: "zebra", channel: "app", page: "2" }) });
    const [header, ...rows] = parseCsv(file.csv);
    expect(header?.[4]).toBe("action");
    expect(rows.map((row) => row[4]).sort()).toEqual(["zebra.crossing.0", "zebra.crossing.1", "zebra.crossing.2"]);
    expect(file.capped).toBe(false);

    const viewer = await actorByEmail("board@demo.test");
    await expect(listAuditEvents({ actor: viewer, query: listAuditEventsQuery.parse({}), q: "zebra" })).rejects.toMatchObject({
      code: "insufficient_permissions",
    });
  });
});
