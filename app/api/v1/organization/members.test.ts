/** Members, roles and invitations, through the route handlers. */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as readInvitation } from "@/app/api/v1/invitations/[token]/route";
import { POST as acceptInvitation } from "@/app/api/v1/invitations/[token]/accept/route";
import { POST as invite } from "@/app/api/v1/organization/invitations/route";
import { DELETE as revoke } from "@/app/api/v1/organization/invitations/[id]/route";
import { GET as listMembers } from "@/app/api/v1/organization/members/route";
import { DELETE as removeMember, PATCH as changeRole } from "@/app/api/v1/organization/members/[userId]/route";
import { POST as signIn } from "@/app/api/v1/auth/token/route";
import { GET as listPayments, POST as createPayment } from "@/app/api/v1/partner/payments/route";
import { POST as createProgram } from "@/app/api/v1/partner/programs/route";
import { getDb } from "@/lib/db";
import { call, tokenFor } from "@/tests/helpers/http";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

const MEMBERS = "/api/v1/organization/members";
const INVITATIONS = "/api/v1/organization/invitations";
let owner: string;
let finance: string;
let viewer: string;
let otherOwner: string;

beforeAll(async () => {
  [owner, finance, viewer, otherOwner] = await Promise.all(
    ["partner@demo.test", "finance@demo.test", "board@demo.test", "partner2@demo.test"].map(tokenFor),
  );
});

const tokenOf = (acceptUrl: string) => new URL(acceptUrl).pathname.split("/").pop()!;
const userIdOf = async (email: string) => (await getDb().user.findUniqueOrThrow({ where: { email } })).id;

async function inviteAndAccept(email: string, role: string, by = owner) {
  const made = await call(invite, INVITATIONS, { token: by, body: { email, role } });
  expect(made.status).toBe(201);
  const token = tokenOf(made.body.accept_url);
  const accepted = await call(acceptInvitation, `/api/v1/invitations/${token}/accept`, {
    params: { token },
    body: { name: "Invited Person", password: INVITED_PASSWORD },
  });
  expect(accepted.status).toBe(201);
  return signInInvited(email);
}

const INVITED_PASSWORD = "a-long-password-1";

async function signInInvited(email: string): Promise<string> {
  const res = await call(signIn, "/api/v1/auth/token", { body: { email, password: INVITED_PASSWORD } });
  expect(res.status).toBe(200);
  return res.body.access_token as string;
}

describe("an organisation's members", () => {
  it("lists the team with each role to every member, and only the caller's own organisation", async () => {
    const res = await call(listMembers, MEMBERS, { token: viewer });
    expect(res.status).toBe(200);
    expect(res.body.organization).toMatchObject({ name: "Elimu Bora Foundation", kind: "partner" });
    expect(res.body.your_role).toBe("viewer");
    const roles = Object.fromEntries(res.body.members.map((m: { email: string; role: string }) => [m.email, m.role]));
    expect(roles).toMatchObject({
      "partner@demo.test": "owner",
      "finance@demo.test": "finance",
      "programs@demo.test": "member",
      "board@demo.test": "viewer",
    });
    expect(res.body.members.find((m: { email: string }) => m.email === "board@demo.test").you).toBe(true);
    const other = await call(listMembers, MEMBERS, { token: otherOwner });
    expect(other.body.members.map((m: { email: string }) => m.email)).toEqual(["partner2@demo.test"]);
  });

  it("invites by link: the invitee makes their account with the invited role, once, and acts with that role", async () => {
    const email = "new.accountant@fixture.test";
    const made = await call(invite, INVITATIONS, { token: owner, body: { email: "New.Accountant@Fixture.test", role: "finance" } });
    expect(made.status).toBe(201);
    expect(made.body.invitation).toMatchObject({ email, role: "finance", invited_by: "Wanjiru Kamau" });
    expect(made.body.accept_url).toMatch(/^http:\/\/localhost:8000\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(made.body.accept_url);
    // Only the token's hash is kept.
    const stored = await getDb().invitation.findUniqueOrThrow({ where: { id: made.body.invitation.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect((await call(listMembers, MEMBERS, { token: owner })).body.invitations).toContainEqual(made.body.invitation);

    const read = await call(readInvitation, `/api/v1/invitations/${token}`, { params: { token } });
    expect(read).toMatchObject({ status: 200, body: { organization: "Elimu Bora Foundation", email, role: "finance" } });
    const short = await call(acceptInvitation, `/api/v1/invitations/${token}/accept`, {
      params: { token },
      body: { name: "Achieng", password: "short" },
    });
    expect(short.status).toBe(422);
    const accepted = await call(acceptInvitation, `/api/v1/invitations/${token}/accept`, {
      params: { token },
      body: { name: "Achieng Otieno", password: "a-long-password-1" },
    });
    expect(accepted).toMatchObject({ status: 201, body: { email, organization: "Elimu Bora Foundation", role: "finance" } });
    const again = await call(acceptInvitation, `/api/v1/invitations/${token}/accept`, {
      params: { token },
      body: { name: "Someone Else", password: "a-long-password-2" },
    });
    expect(again.status).toBe(410);
    expect((await call(readInvitation, `/api/v1/invitations/${token}`, { params: { token } })).status).toBe(410);

    const signedIn = await call(signIn, "/api/v1/auth/token", { body: { email, password: "a-long-password-1" } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ email, role: "partner" });
    const bearer = signedIn.body.access_token as string;
    expect((await call(listPayments, "/api/v1/partner/payments", { token: bearer })).status).toBe(200);
    expect(
      (await call(createPayment, "/api/v1/partner/payments", { token: bearer, body: { amount: 100, method: "bank_transfer" } })).status,
    ).toBe(201);
    const program = await call(createProgram, "/api/v1/partner/programs", {
      token: bearer,
      body: { name: "Not mine to make", target_students: 1, budget: 1, currency: "KES", start_date: "2027-01-01", end_date: "2027-12-31" },
    });
    expect(program.status).toBe(403);
    expect(program.body.detail).toBe("Your role (finance) cannot do this organisation's day-to-day work");
  });

  it("emails the link when SMTP is configured, and says so", async () => {
    const received: Array<{ to: string[]; body: string }> = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        let body = "";
        stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    try {
      const made = await call(invite, INVITATIONS, { token: owner, body: { email: "mailed@fixture.test", role: "member" } });
      expect(made).toMatchObject({ status: 201, body: { emailed: true } });
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toEqual(["mailed@fixture.test"]);
      const unfolded = received[0]!.body.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
      expect(unfolded).toContain(made.body.accept_url);
      expect(unfolded).toContain("Wanjiru Kamau invites you to join Elimu Bora Foundation on Harambee as member.");
    } finally {
      delete process.env.SMTP_URL;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const unmailed = await call(invite, INVITATIONS, { token: owner, body: { email: "unmailed@fixture.test", role: "member" } });
    expect(unmailed).toMatchObject({ status: 201, body: { emailed: false } });
  });

  it("refuses invitations from roles that do not manage, an owner invited by an admin, and addresses already known", async () => {
    const body = { email: "someone@fixture.test", role: "member" };
    for (const token of [finance, viewer]) {
      const res = await call(invite, INVITATIONS, { token, body });
      expect(res.status).toBe(403);
    }
    expect(await getDb().invitation.count({ where: { email: body.email } })).toBe(0);
    expect(await call(invite, INVITATIONS, { token: owner, body: { email: "finance@demo.test", role: "viewer" } })).toMatchObject({
      status: 409,
      body: { detail: "finance@demo.test is already a member" },
    });
    expect(await call(invite, INVITATIONS, { token: owner, body: { email: "brand@demo.test", role: "viewer" } })).toMatchObject({
      status: 409,
      body: { detail: "brand@demo.test already has an account" },
    });
    expect((await call(invite, INVITATIONS, { token: owner, body })).status).toBe(201);
    expect((await call(invite, INVITATIONS, { token: owner, body })).status).toBe(409);
    expect((await call(invite, INVITATIONS, { token: owner, body: { email: "not-an-email", role: "member" } })).status).toBe(422);
    expect((await call(invite, INVITATIONS, { token: owner, body: { email: "x@fixture.test", role: "superuser" } })).status).toBe(422);

    const admin = await inviteAndAccept("an.admin@fixture.test", "admin");
    expect((await call(invite, INVITATIONS, { token: admin, body: { email: "owner2@fixture.test", role: "owner" } })).status).toBe(403);
    expect((await call(invite, INVITATIONS, { token: admin, body: { email: "member2@fixture.test", role: "member" } })).status).toBe(201);
  });

  it("withdraws an invitation: its link stops working; another organisation's is not found", async () => {
    const made = await call(invite, INVITATIONS, { token: owner, body: { email: "withdrawn@fixture.test", role: "viewer" } });
    const id = made.body.invitation.id as string;
    const token = tokenOf(made.body.accept_url);
    expect((await call(revoke, `${INVITATIONS}/${id}`, { token: otherOwner, method: "DELETE", params: { id } })).status).toBe(404);
    expect((await call(revoke, `${INVITATIONS}/${id}`, { token: viewer, method: "DELETE", params: { id } })).status).toBe(403);
    expect((await call(revoke, `${INVITATIONS}/${id}`, { token: owner, method: "DELETE", params: { id } })).status).toBe(204);
    expect((await call(revoke, `${INVITATIONS}/${id}`, { token: owner, method: "DELETE", params: { id } })).status).toBe(409);
    expect((await call(readInvitation, `/api/v1/invitations/${token}`, { params: { token } })).status).toBe(410);
    expect((await call(readInvitation, "/api/v1/invitations/nope", { params: { token: "nope" } })).status).toBe(404);
    // Withdrawn, the address can be invited again.
    expect((await call(invite, INVITATIONS, { token: owner, body: { email: "withdrawn@fixture.test", role: "viewer" } })).status).toBe(201);
  });

  it("refuses an expired link, and lets the address be invited again", async () => {
    const made = await call(invite, INVITATIONS, { token: owner, body: { email: "late@fixture.test", role: "viewer" } });
    const token = tokenOf(made.body.accept_url);
    await getDb().invitation.update({ where: { id: made.body.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await call(acceptInvitation, `/api/v1/invitations/${token}/accept`, {
      params: { token },
      body: { name: "Too Late", password: "a-long-password-1" },
    });
    expect(res).toMatchObject({ status: 410, body: { detail: "This invitation has expired: ask for a new one" } });
    expect(await getDb().user.count({ where: { email: "late@fixture.test" } })).toBe(0);
    expect((await call(invite, INVITATIONS, { token: owner, body: { email: "late@fixture.test", role: "viewer" } })).status).toBe(201);
  });

  it("changes roles, keeps the last owner, and removing a member ends their access at once", async () => {
    const programs = await userIdOf("programs@demo.test");
    const programsToken = await tokenFor("programs@demo.test");
    const url = `${MEMBERS}/${programs}`;
    expect(
      (await call(changeRole, url, { token: finance, method: "PATCH", params: { userId: programs }, body: { role: "viewer" } })).status,
    ).toBe(403);
    const changed = await call(changeRole, url, { token: owner, method: "PATCH", params: { userId: programs }, body: { role: "viewer" } });
    expect(changed).toMatchObject({ status: 200, body: { user_id: programs, role: "viewer" } });
    // The new role applies to the member's next request, with the token they already hold.
    const refused = await call(createProgram, "/api/v1/partner/programs", {
      token: programsToken,
      body: { name: "Too late", target_students: 1, budget: 1, currency: "KES", start_date: "2027-01-01", end_date: "2027-12-31" },
    });
    expect(refused.status).toBe(403);

    const me = await userIdOf("partner@demo.test");
    const demote = await call(changeRole, `${MEMBERS}/${me}`, {
      token: owner,
      method: "PATCH",
      params: { userId: me },
      body: { role: "admin" },
    });
    expect(demote).toMatchObject({ status: 409, body: { detail: "The organisation's last owner stays: make someone else owner first" } });
    const otherOrgMember = await userIdOf("partner2@demo.test");
    expect(
      (
        await call(changeRole, `${MEMBERS}/${otherOrgMember}`, {
          token: owner,
          method: "PATCH",
          params: { userId: otherOrgMember },
          body: { role: "viewer" },
        })
      ).status,
    ).toBe(404);

    expect((await call(removeMember, url, { token: owner, method: "DELETE", params: { userId: programs } })).status).toBe(204);
    expect((await call(listPayments, "/api/v1/partner/payments", { token: programsToken })).status).toBe(401);
    expect((await call(listMembers, MEMBERS, { token: owner })).body.members.map((m: { email: string }) => m.email)).not.toContain(
      "programs@demo.test",
    );
    expect((await call(removeMember, url, { token: owner, method: "DELETE", params: { userId: programs } })).status).toBe(404);
  });
});
