import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { listEvents } from "@/lib/events/list-events";
import { listEventsQuery } from "@/lib/webhooks/schemas/webhooks";

/** The organisation's events, oldest first after the last one seen: what its webhooks are sent. */
export const GET = v1Route(
  { roles: ["partner", "brand", "creator"], permission: "read", query: listEventsQuery },
  async ({ actor, query }) => NextResponse.json(await listEvents({ actor, query })),
);
