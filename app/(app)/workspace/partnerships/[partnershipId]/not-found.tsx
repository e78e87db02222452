import { PartnershipNotFound } from "@/modules/workspace/partnerships/partnership-not-found";

export default function NotFound() {
  return <PartnershipNotFound />;
}
