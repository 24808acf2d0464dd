/**
 * A Saudi contact number as the site publishes it: +966 followed by a landline or mobile number,
 * the same in national form (0…), a unified number (9200xxxxx) or a toll-free one (800xxxxxxx).
 */
export const CONTACT_PHONE_PATTERN = /^(?:\+966[1-9]\d{7,8}|0[1-9]\d{7,8}|9200\d{5}|800\d{7})$/;
