import Link from "next/link";

export default function SponsorshipNotFound() {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <h1 className="text-2xl font-semibold">Sponsorship not found</h1>
      <p className="mt-2 text-slate-600">This sponsorship does not exist, or it belongs to another partner.</p>
      <p className="mt-4">
        <Link href="/dashboard/sponsorships" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Back to sponsorships
        </Link>
      </p>
    </div>
  );
}
