import type { Metadata } from "next";
export { default } from "@/modules/dashboard/standing-orders/standing-order-page";

export const metadata: Metadata = { title: "Standing order" };
