import type { Metadata } from "next";
export { default } from "@/modules/dashboard/standing-orders/new-standing-order-page";

export const metadata: Metadata = { title: "Set up a standing order" };
