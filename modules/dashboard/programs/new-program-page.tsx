import { PartnerPageHeader } from "@/components/ui/page-header";
import { ProgramForm } from "@/modules/dashboard/programs/program-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { roleAllows } from "@/lib/organizations/permissions";
import { RoleRefusal } from "@/modules/layout/role-refusal";
import { listCountyNames } from "@/lib/sponsorship/list-county-names";
import { listCourseOptions } from "@/lib/sponsorship/list-course-options";

export default async function NewProgramPage() {
  const actor = await requirePageActor(["partner"]);
  if (!roleAllows(actor.memberRole, "work"))
    return <RoleRefusal actor={actor} permission="work" title="New program" back={{ href: "/dashboard/programs", label: "Programs" }} />;
  const [courses, counties] = await Promise.all([listCourseOptions({ actor }), listCountyNames({ actor })]);
  return (
    <div className="space-y-6">
      <PartnerPageHeader title="New program" back={{ href: "/dashboard/programs", label: "Programs" }}>
        A program funds a group of students against one budget, with the courses and eligibility you set.
      </PartnerPageHeader>
      <ProgramForm courses={courses} counties={counties} />
    </div>
  );
}
