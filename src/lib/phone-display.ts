/**
 * How a Saudi contact number is written for people: the unified number as `9200 12345`,
 * a Riyadh landline as `+966 11 234 5678`, a mobile as `+966 55 123 4567`.
 */
export function formatPhone(phone: string): string {
  if (/^9200\d{5}$/.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4)}`;
  if (/^800\d{7}$/.test(phone)) return `${phone.slice(0, 3)} ${phone.slice(3, 6)} ${phone.slice(6)}`;
  const match = /^\+966(\d{1,2})(\d{3})(\d{4})$/.exec(phone);
  if (match) return `+966 ${match[1]} ${match[2]} ${match[3]}`;
  return phone;
}
