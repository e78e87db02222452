import type { Metadata } from "next";
export { default } from "@/modules/dashboard/standing-orders/standing-orders-page";

export const metadata: Metadata = { title: "Standing orders" };
