/**
 * The partnerships API shows amounts as decimal numbers of the currency (1500.5 USD);
 * they are stored as integer minor units.
 */
export { toMajor as amountFromMinor, toMinor as amountToMinor } from "../money";
