import Link from "next/link";
import { LocalDate } from "@/components/ui/local-date";
import { HeaderAction, PartnerPageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/stat-card";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageActor } from "@/lib/auth/page-guard";
import { roleAllows } from "@/lib/organizations/permissions";
import { formatMoney } from "@/lib/format";
import { labelFor } from "@/lib/humanize";
import { listStandingOrders } from "@/lib/standing-orders/list-standing-orders";
import { TableBox } from "@/components/ui/table-box";

/** The partner's standing orders: what each pays, when it next falls due, and how its last run went. */
export default async function StandingOrdersPage() {
  const actor = await requirePageActor(["partner"]);
  const { standing_orders: orders, total } = await listStandingOrders({ actor, query: { page: 1, limit: 100 } });

  return (
    <div className="space-y-6">
      <PartnerPageHeader
        title="Standing orders"
        back={{ href: "/dashboard/payments", label: "Payments and invoices" }}
        actions={
          roleAllows(actor.memberRole, "finance") ? (
            <HeaderAction href="/dashboard/payments/standing-orders/new">Set up a standing order</HeaderAction>
          ) : undefined
        }
      >
        Recurring payments for a program or your sponsorships, started on each due date.
      </PartnerPageHeader>

      <Panel id="standing-orders-heading" title="Your standing orders">
        {orders.length === 0 ? (
          <p role="status" className="rounded-md bg-slate-50 p-6 text-center text-sm text-slate-600">
            No standing orders yet. Set one up to pay a program or your sponsorships every month, quarter or year.
          </p>
        ) : (
          <TableBox label="Standing orders table" search="rows" exportFilename="standing-orders.csv">
            <table className="w-full text-left text-sm" data-testid="standing-orders-table">
              <caption className="sr-only">
                Standing orders, newest first ({total} {total === 1 ? "order" : "orders"})
              </caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Description
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Schedule
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Next due
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Last run
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {orders.map((order) => (
                  <tr key={order.id} className="border-b border-slate-100" data-testid="standing-order-row">
                    <th scope="row" className="py-2 pr-4 font-normal">
                      <Link
                        href={`/dashboard/payments/standing-orders/${order.id}`}
                        className="font-medium text-brand-700 underline-offset-2 hover:underline"
                      >
                        {order.description ?? "Standing order"}
                      </Link>
                    </th>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {labelFor(order.frequency)} by {labelFor(order.method)}
                    </td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {order.status === "paused" ? "When resumed" : order.next_due_date ? <LocalDate value={order.next_due_date} /> : "—"}
                    </td>
                    <td className="py-2 pr-4">
                      <StatusBadge status={order.status} testId="standing-order-status" />
                    </td>
                    <td className="py-2 pr-4">
                      {order.last_run ? (
                        <span className="flex flex-wrap items-center gap-2">
                          <LocalDate value={order.last_run.due_date} />
                          <StatusBadge status={order.last_run.status} tone={order.last_run.status === "retrying" ? "warning" : undefined} />
                        </span>
                      ) : (
                        <span className="text-slate-600">Not run yet</span>
                      )}
                    </td>
                    <td className="py-2 text-right whitespace-nowrap">{formatMoney(order.amount, order.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Panel>
    </div>
  );
}
