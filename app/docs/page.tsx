import type { Metadata } from "next";
export { default } from "@/modules/docs/docs-page";

export const metadata: Metadata = { title: "API reference" };
