import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function SponsorshipNotFound() {
  return (
    <NotFoundPanel title="Sponsorship not found" backHref="/dashboard/sponsorships" backLabel="Back to sponsorships">
      This sponsorship does not exist, or it belongs to another partner.
    </NotFoundPanel>
  );
}
