import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../../auth/schemas";
import { MEMBER_ROLES } from "../permissions";

export const memberRole = z
  .enum(MEMBER_ROLES)
  .describe(
    "owner and admin: everything (only an owner makes or removes owners); finance: payments, standing orders, invoices, receipts and statements; member: the day-to-day work; viewer: reads only",
  );

export const memberItem = z.object({
  user_id: z.string().describe("The member's user id (UUID)"),
  name: z.string(),
  email: z.string(),
  role: memberRole,
  joined_at: z.string().describe("When they joined the organisation (ISO 8601)"),
  you: z.boolean().describe("Whether this member is the caller"),
});

export const invitationItem = z.object({
  id: z.string().describe("Invitation identifier (UUID)"),
  email: z.string(),
  role: memberRole,
  invited_by: z.string().describe("Name of the member who invited"),
  created_at: z.string(),
  expires_at: z.string().describe("The link stops working then (ISO 8601)"),
});

export const listMembersResponse = z.object({
  organization: z.object({ id: z.string(), name: z.string(), kind: z.enum(["partner", "brand", "creator", "platform"]) }),
  your_role: memberRole,
  members: z.array(memberItem),
  invitations: z.array(invitationItem).describe("Open invitations: not accepted, revoked or expired"),
});

export const inviteMemberBody = z.object({
  email: z.string().trim().toLowerCase().email("must be an email address").max(320),
  role: memberRole,
});

export const invitationCreatedResponse = z.object({
  invitation: invitationItem,
  accept_url: z
    .string()
    .describe("The link to give the invitee: it holds the invitation's secret token, shown only in this answer; it works once, for 7 days"),
  emailed: z.boolean().describe("Whether the link was also emailed to the invitee (only when the server has SMTP configured)"),
});

export const changeMemberRoleBody = z.object({ role: memberRole });

export const publicInvitationResponse = z.object({
  organization: z.string().describe("Name of the organisation inviting"),
  email: z.string().describe("The address invited: the new account's email"),
  role: memberRole,
  expires_at: z.string(),
});

export const acceptInvitationBody = z.object({
  name: z.string().trim().min(2, "must be at least 2 characters").max(120),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
});

export const invitationAcceptedResponse = z.object({
  user_id: z.string(),
  email: z.string(),
  organization: z.string(),
  role: memberRole,
});
