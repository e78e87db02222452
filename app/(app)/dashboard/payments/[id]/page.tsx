import type { Metadata } from "next";
export { default } from "@/modules/dashboard/payments/payment-status-page";

export const metadata: Metadata = { title: "Payment" };
