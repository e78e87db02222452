import { ProposalNotFound } from "@/components/workspace/proposal-not-found";

export default function NotFound() {
  return <ProposalNotFound />;
}
