import type { Metadata } from "next";
export { default } from "@/modules/team/accept-invitation-page";

export const metadata: Metadata = { title: "Join your team", referrer: "no-referrer" };
export const dynamic = "force-dynamic";
