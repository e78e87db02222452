import type { Metadata } from "next";
export { default } from "@/modules/layout/not-found-page";

export const metadata: Metadata = { title: "Page not found" };
