import Link from "next/link";

/** What someone sees for a record that does not exist or is not theirs: nothing of it, only a way back. */
export function NotFoundPanel({
  title,
  children,
  backHref,
  backLabel,
}: {
  title: string;
  children: React.ReactNode;
  backHref: string;
  backLabel: string;
}) {
  return (
    <section className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">{children}</p>
      <p className="mt-4">
        <Link href={backHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {backLabel}
        </Link>
      </p>
    </section>
  );
}
