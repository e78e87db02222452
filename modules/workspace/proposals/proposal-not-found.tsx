import { NotFoundPanel } from "@/components/ui/not-found-panel";

/** What a non-party (or a bad id) sees: nothing of the proposal, only a way back. */
export function ProposalNotFound() {
  return (
    <NotFoundPanel title="Proposal not found" backHref="/workspace" backLabel="Back to the workspace">
      It does not exist, or you are not one of its parties.
    </NotFoundPanel>
  );
}
