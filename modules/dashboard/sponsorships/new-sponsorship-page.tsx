import { PartnerPageHeader } from "@/components/ui/page-header";
import { SponsorshipForm, type StudentFilters } from "@/modules/dashboard/sponsorships/sponsorship-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { roleAllows } from "@/lib/organizations/permissions";
import { RoleRefusal } from "@/modules/layout/role-refusal";
import { listCourseOptions } from "@/lib/sponsorship/list-course-options";
import { listSponsorableStudents, sponsorableStudentsQuery } from "@/lib/sponsorship/list-sponsorable-students";
import { listStudentFilterOptions } from "@/lib/sponsorship/list-student-filter-options";

type SearchParams = Record<string, string | string[] | undefined>;

/** The picker's filters from the URL; an invalid filter is dropped rather than failing the page. */
function parseQuery(params: SearchParams) {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") flat[key] = first;
  }
  const shape = sponsorableStudentsQuery.shape;
  return sponsorableStudentsQuery.parse({
    page: shape.page.safeParse(flat.page).data,
    grade_level: shape.grade_level.safeParse(flat.grade_level).data,
    county_id: shape.county_id.safeParse(flat.county_id).data,
    school_id: shape.school_id.safeParse(flat.school_id).data,
    q: shape.q.safeParse(flat.q).data || undefined,
  });
}

export default async function NewSponsorshipPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(["partner"]);
  if (!roleAllows(actor.memberRole, "work"))
    return (
      <RoleRefusal
        actor={actor}
        permission="work"
        title="New sponsorship"
        back={{ href: "/dashboard/sponsorships", label: "Sponsorships" }}
      />
    );
  const query = parseQuery(await searchParams);
  const [students, options, courses] = await Promise.all([
    listSponsorableStudents({ actor, query }),
    listStudentFilterOptions({ actor }),
    listCourseOptions({ actor }),
  ]);
  const filters: StudentFilters = { grade_level: query.grade_level, county_id: query.county_id, school_id: query.school_id, q: query.q };

  return (
    <div className="space-y-6">
      <PartnerPageHeader title="New sponsorship" back={{ href: "/dashboard/sponsorships", label: "Sponsorships" }}>
        Choose one or more students and the terms; each student gets their own sponsorship.
      </PartnerPageHeader>
      <SponsorshipForm students={students} filters={filters} options={options} courses={courses} />
    </div>
  );
}
