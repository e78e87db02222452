import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { getDashboardStats } from "@/lib/sponsorship/get-dashboard-stats";

export const GET = v1Route({ roles: ["partner"] }, async ({ actor }) => NextResponse.json(await getDashboardStats({ actor })));
