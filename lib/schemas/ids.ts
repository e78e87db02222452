/** Record ids are UUIDs. */
import { z } from "zod";
import { isUuid } from "../ids";

/** An RFC 9562 UUID (version and variant checked): ids the partner API takes, and ids in partnerships responses. */
export const uuid = z.uuid();

/** Any 8-4-4-4-12 hexadecimal id, as the partnerships API takes ids (and as lookups treat them). */
export const uuidString = z.string().refine(isUuid, "must be a UUID");
