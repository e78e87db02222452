import Link from "next/link";

export default function ProgramNotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-semibold">Program not found</h1>
      <p className="mt-2 text-slate-600">This program does not exist or does not belong to your organisation.</p>
      <p className="mt-4">
        <Link href="/dashboard/programs" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Back to programs
        </Link>
      </p>
    </div>
  );
}
