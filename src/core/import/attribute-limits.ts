import { leadInputSchema } from '../lead/lead-input.ts';

/**
 * The limits LeadInput puts on attributes, read from leadInputSchema so they cannot drift from it.
 * mapRow checks attributes itself: zod validating a record of dozens of attributes on every row
 * costs more than all the rest of mapping the row, and the names are already checked once per file.
 */
const attributesSchema = leadInputSchema.shape.attributes.unwrap();

export const maxAttributeNameLength: number = attributesSchema.keyType.maxLength ?? Number.POSITIVE_INFINITY;
export const maxAttributeValueLength: number = attributesSchema.valueType.options[0].maxLength ?? Number.POSITIVE_INFINITY;
