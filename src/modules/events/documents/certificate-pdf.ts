import { createRequire } from 'node:module';
import { formatDate, translator } from '#kernel/i18n/index.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import type { CertificateView } from '../attendance/attendance.service.ts';
import { formatCode } from '../calendar/events.service.ts';

const fontPath = (file: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);

/** The address printed on a certificate and in its QR code: the public verification page. */
export const verificationUrl = (baseUrl: string, code: string) => `${baseUrl}/chung-nhan/${code}`;

/**
 * A certificate of attendance as a one-page A4 PDF (landscape), in Vietnamese: an official
 * paper. DejaVu Sans carries every Vietnamese glyph; only the glyphs used are embedded.
 * The libraries load on first use: most requests never need them.
 */
export async function certificatePdf(c: CertificateView, baseUrl: string): Promise<Buffer> {
  const [{ default: PDFDocument }, QRCode] = await Promise.all([import('pdfkit'), import('qrcode')]);
  const t = translator('vi');
  const url = verificationUrl(baseUrl, c.code);
  const qr = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 50,
    info: { Title: `${t('events.certificate.title')} – ${c.holderName}`, Author: c.event.organiser },
  });
  doc.registerFont('regular', fontPath('DejaVuSans.ttf'));
  doc.registerFont('bold', fontPath('DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { width, height } = doc.page;
  const inner = width - 100;
  doc
    .lineWidth(3)
    .strokeColor('#1d4e89')
    .rect(25, 25, width - 50, height - 50)
    .stroke();
  doc
    .lineWidth(1)
    .rect(33, 33, width - 66, height - 66)
    .stroke();
  doc
    .fillColor('#1d4e89')
    .font('bold')
    .fontSize(13)
    .text(c.event.organiser.toUpperCase(), 50, 60, { width: inner, align: 'center' });
  doc.moveDown(1.4).fontSize(30).text(t('events.certificate.title').toUpperCase(), { width: inner, align: 'center' });
  doc
    .fillColor('#222')
    .font('regular')
    .fontSize(14)
    .moveDown(0.8)
    .text(t('events.certificate.certifies'), { width: inner, align: 'center' });
  doc.font('bold').fontSize(26).moveDown(0.4).text(c.holderName, { width: inner, align: 'center' });
  doc.font('regular').fontSize(14).moveDown(0.6);
  doc.text(t('events.certificate.attended', { kind: labelOf(t, 'events.kind', c.event.kind).toLowerCase() }), {
    width: inner,
    align: 'center',
  });
  doc.font('bold').fontSize(17).moveDown(0.3).text(`“${c.event.title}”`, { width: inner, align: 'center' });
  doc.font('regular').fontSize(13).moveDown(0.8);
  const dates =
    c.event.startsOn === c.event.endsOn
      ? formatDate(c.event.startsOn)
      : `${formatDate(c.event.startsOn)} – ${formatDate(c.event.endsOn)}`;
  doc.text(
    t('events.certificate.when', { dates, attended: c.sessionsAttended, total: c.totalSessions, hours: c.hours }),
    { width: inner, align: 'center' },
  );
  doc.moveDown(0.3).text(t('events.certificate.where', { venue: c.event.venue }), { width: inner, align: 'center' });

  const bottom = height - 170;
  doc.image(qr, 60, bottom, { width: 100 });
  doc
    .fontSize(10)
    .fillColor('#444')
    .text(t('events.certificate.verifyCode', { code: formatCode(c.code) }), 175, bottom + 25, { width: 330 });
  doc.text(t('events.certificate.verifyAt', { url }), 175, doc.y + 4, { width: 330 });
  doc
    .fillColor('#222')
    .fontSize(12)
    .text(t('events.certificate.issued', { date: formatDate(c.issuedAt) }), width - 330, bottom + 10, {
      width: 270,
      align: 'center',
    });
  doc.font('bold').text(c.event.organiser, width - 330, doc.y + 6, { width: 270, align: 'center' });
  doc.end();
  return done;
}
