import { PartnershipNotFound } from "@/components/workspace/partnership-not-found";

export default function NotFound() {
  return <PartnershipNotFound />;
}
