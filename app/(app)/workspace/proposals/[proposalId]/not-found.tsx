import { ProposalNotFound } from "@/modules/workspace/proposals/proposal-not-found";

export default function NotFound() {
  return <ProposalNotFound />;
}
