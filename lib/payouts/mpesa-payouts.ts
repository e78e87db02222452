/**
 * Who carries M-Pesa payouts: Daraja B2C with credentials; without them, where sandbox payments
 * are on, a labelled sandbox that accepts the request and has its result delivered through the
 * same result path as Safaricom's (a result job, apply-mpesa-result.ts); otherwise nobody.
 */
import crypto from "node:crypto";
import { b2cConfig, darajaConfig } from "../daraja/config";
import { darajaClientFor } from "../daraja/client";
import { queryB2CStatus, requestB2CPayment, type B2CPaymentInput, type B2CStatus } from "../daraja/b2c";
import { sandboxPaymentsEnabled } from "../payments/sandbox-mode";

export interface MpesaPayoutProvider {
  name: "daraja" | "sandbox";
  /**
   * Sends the payment; answers Safaricom's ConversationID. The result comes later: on ResultURL,
   * or for the sandbox as `simulatedResult`, which the caller feeds to the same result path.
   */
  send(input: B2CPaymentInput): Promise<{ conversationId: string; simulatedResult?: object }>;
  status(originatorConversationId: string): Promise<B2CStatus>;
}

export type MpesaPayoutProviderChoice = MpesaPayoutProvider | { name: "unavailable"; reason: string };

function darajaProvider(): MpesaPayoutProviderChoice | null {
  const config = darajaConfig();
  if (!config) return null;
  const b2c = b2cConfig();
  if ("missing" in b2c) return { name: "unavailable", reason: `M-Pesa payouts need ${b2c.missing.join(", ")}` };
  const client = darajaClientFor(config);
  return {
    name: "daraja",
    async send(input) {
      const answer = await requestB2CPayment(client, b2c, input);
      return { conversationId: answer.ConversationID };
    },
    status: (originatorConversationId) => queryB2CStatus(client, b2c, originatorConversationId),
  };
}

/** Sandbox results, by OriginatorConversationID, for the status query (this process only). */
const sandboxResults = new Map<string, { conversationId: string; receipt: string; amountKes: number }>();

/** The result the sandbox delivers for a request, as Safaricom would post it to ResultURL. */
export function sandboxResultBody(originatorConversationId: string, conversationId: string, amountKes: number, receipt: string) {
  return {
    Result: {
      ResultType: 0,
      ResultCode: 0,
      ResultDesc: "The service request is processed successfully (sandbox: no money moved).",
      OriginatorConversationID: originatorConversationId,
      ConversationID: conversationId,
      TransactionID: receipt,
      ResultParameters: {
        ResultParameter: [
          { Key: "TransactionAmount", Value: amountKes },
          { Key: "TransactionReceipt", Value: receipt },
        ],
      },
    },
  };
}

const sandboxProvider: MpesaPayoutProvider = {
  name: "sandbox",
  async send(input) {
    const conversationId = `AG_SANDBOX_${crypto.randomBytes(8).toString("hex")}`;
    const receipt = `SBX${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
    sandboxResults.set(input.originatorConversationId, { conversationId, receipt, amountKes: input.amountKes });
    return { conversationId, simulatedResult: sandboxResultBody(input.originatorConversationId, conversationId, input.amountKes, receipt) };
  },
  async status(originatorConversationId) {
    const known = sandboxResults.get(originatorConversationId);
    if (!known) return { state: "unknown" };
    return {
      state: "final",
      outcome: {
        originatorConversationId,
        conversationId: known.conversationId,
        resultCode: "0",
        resultDesc: "sandbox",
        receipt: known.receipt,
        amountMinor: BigInt(known.amountKes) * 100n,
      },
    };
  },
};

export function mpesaPayoutProvider(): MpesaPayoutProviderChoice {
  const daraja = darajaProvider();
  if (daraja) return daraja;
  if (sandboxPaymentsEnabled()) return sandboxProvider;
  return {
    name: "unavailable",
    reason: "M-Pesa payouts are not available on this server: it has no Daraja credentials and sandbox payments are off",
  };
}
