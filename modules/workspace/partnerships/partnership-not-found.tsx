import { NotFoundPanel } from "@/components/ui/not-found-panel";

/** What a non-party (or a bad id) sees: nothing of the partnership, only a way back. */
export function PartnershipNotFound() {
  return (
    <NotFoundPanel title="Partnership not found" backHref="/workspace" backLabel="Back to the workspace">
      It does not exist, or you are not one of its parties.
    </NotFoundPanel>
  );
}
