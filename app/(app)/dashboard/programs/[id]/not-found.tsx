import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function ProgramNotFound() {
  return (
    <NotFoundPanel title="Program not found" backHref="/dashboard/programs" backLabel="Back to programs">
      This program does not exist or does not belong to your organisation.
    </NotFoundPanel>
  );
}
