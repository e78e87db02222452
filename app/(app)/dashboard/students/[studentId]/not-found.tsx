import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function StudentNotFound() {
  return (
    <NotFoundPanel title="Student not found" backHref="/dashboard/students" backLabel="Back to sponsored students">
      This student does not exist, or your organisation does not sponsor them.
    </NotFoundPanel>
  );
}
