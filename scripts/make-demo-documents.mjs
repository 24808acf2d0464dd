// Writes the demo staff-tool documents (public/uploads/*.pdf): small, valid one-page PDFs that
// stand in for the association's real files until editors upload them through the CMS.
// Usage: node scripts/make-demo-documents.mjs
import { writeFileSync } from 'node:fs';

const DOCUMENTS = {
  'bylaws.pdf': [
    'Irtiqaa Educational Association - Bylaws',
    'DEMO DOCUMENT: replace with the association\'s approved bylaws.',
    '',
    'Article 1. Name: Irtiqaa Educational Association, Riyadh.',
    'Article 2. Aim: to support learners, parents, teachers and schools.',
    'Article 3. Membership is open to anyone who accepts these bylaws.',
    'Article 4. The general assembly elects the board of directors.',
    'Article 5. The board appoints the person authorised to decide',
    '           on support requests.',
  ],
  'support-policy-guide.pdf': [
    'Irtiqaa Educational Association - Support Policy Guide',
    'DEMO DOCUMENT: replace with the association\'s approved guide.',
    '',
    '1. Who can apply: students, parents, teachers, schools.',
    '2. Kinds of support: tutoring, supplies, tuition help, training,',
    '   counselling.',
    '3. Documents: national ID or iqama, proof of need where asked.',
    '4. Decision: no sooner than 2 weeks, no later than 6 weeks',
    '   after the request is submitted.',
  ],
  'support-request-form.pdf': [
    'Irtiqaa Educational Association - Beneficiary Support Request',
    'DEMO DOCUMENT: replace with the association\'s approved form.',
    '',
    'Full name: ______________________________________',
    'National ID or iqama number: ____________________',
    'Mobile number: __________________________________',
    'City: ___________________________________________',
    'What support do you need? _______________________',
    '',
    'I confirm that this information is correct and that I am',
    'responsible for it.   Signature: ______________  Date: ________',
  ],
};

const escape = (text) => text.replace(/[\\()]/g, (c) => `\\${c}`);

export function pdfWithLines(lines) {
  const stream = ['BT', '/F1 12 Tf', '16 TL', '56 780 Td', ...lines.map((l, i) => `${i ? 'T* ' : ''}(${escape(l)}) Tj`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    `<< /Title (${escape(lines[0])}) /Producer (irtiqaa portal demo) >>`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((object, i) => {
    const offset = Buffer.byteLength(body, 'latin1');
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, lines] of Object.entries(DOCUMENTS)) {
    writeFileSync(new URL(`../public/uploads/${name}`, import.meta.url), pdfWithLines(lines));
  }
}
