import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { sendProposal } from "@/lib/partnerships/send-proposal";
import { createProposal } from "@/lib/partnerships/create-proposal";
import { AppError } from "@/lib/errors";
import { createProposalBody } from "@/lib/partnerships/schemas/proposals";
import { actorByEmail } from "@/tests/helpers/actors";
import { freshCampaign, proposalBody } from "@/tests/helpers/escrow";
import { countUnreadNotifications, listNotifications, markAllNotificationsRead, openNotification } from "./notifications";

const actors = {} as Record<"brand" | "creator" | "manager" | "creator2", Actor>;

beforeAll(async () => {
  actors.brand = await actorByEmail("brand@demo.test");
  actors.creator = await actorByEmail("creator@demo.test");
  actors.manager = await actorByEmail("manager@demo.test");
  actors.creator2 = await actorByEmail("creator2@demo.test");
});

describe("members' notifications", () => {
  it("tells every member of the recipient organisation, each reading their own, and leads to the proposal", async () => {
    const before = {
      creator: await countUnreadNotifications({ actor: actors.creator }),
      manager: await countUnreadNotifications({ actor: actors.manager }),
    };
    const draft = await createProposal({
      actor: actors.brand,
      body: createProposalBody.parse(proposalBody(actors.creator.partyId, 100, await freshCampaign(actors.brand.partyId))),
    });
    // A draft tells no one.
    expect(await countUnreadNotifications({ actor: actors.creator })).toBe(before.creator);
    await sendProposal({ actor: actors.brand, proposalId: draft.id });
    expect(await countUnreadNotifications({ actor: actors.creator })).toBe(before.creator + 1);
    expect(await countUnreadNotifications({ actor: actors.manager })).toBe(before.manager + 1);

    const [latest] = await listNotifications({ actor: actors.creator });
    expect(latest).toMatchObject({ type: "proposal.received", link: `/workspace/proposals/${draft.id}`, read: false });
    expect(latest!.summary).toContain("Savanna Beverages");
    // Another member's, or another organisation's, notification is not found.
    await expect(openNotification({ actor: actors.creator2, notificationId: latest!.id })).rejects.toBeInstanceOf(AppError);
    await expect(openNotification({ actor: actors.manager, notificationId: latest!.id })).rejects.toBeInstanceOf(AppError);
    expect(await openNotification({ actor: actors.creator, notificationId: latest!.id })).toEqual({
      link: `/workspace/proposals/${draft.id}`,
    });
    expect(await countUnreadNotifications({ actor: actors.creator })).toBe(before.creator);
    // The manager's copy is still unread until they read it.
    expect(await countUnreadNotifications({ actor: actors.manager })).toBe(before.manager + 1);
    await markAllNotificationsRead({ actor: actors.manager });
    expect(await countUnreadNotifications({ actor: actors.manager })).toBe(0);
    expect(await listNotifications({ actor: actors.brand })).not.toContainEqual(expect.objectContaining({ id: latest!.id }));
  });
});
