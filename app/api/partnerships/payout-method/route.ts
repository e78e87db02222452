import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { getPayoutMethod, setPayoutMethod } from "@/lib/payouts/payout-method";
import { payoutMethodBody } from "@/lib/payouts/schemas/payout-method";

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor }) =>
  NextResponse.json(await getPayoutMethod({ actor })),
);

export const PUT = partnershipsRoute({ roles: ["creator", "brand"], body: payoutMethodBody }, async ({ actor, body }) =>
  NextResponse.json(await setPayoutMethod({ actor, ...body })),
);
