import PDFDocument from 'pdfkit';
import type { TraceDossier } from './dossier.service.ts';

const STATUS_LABEL: Record<string, string> = {
  present: 'present',
  late: 'LATE',
  contradictory: 'CONTRADICTORY',
  missing: 'MISSING',
  not_applicable: 'n/a',
};

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '-');

/** Renders a dossier as a PDF (A4), with the journal proofs printed so the paper copy can be checked too. */
export function renderDossierPdf(d: TraceDossier): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Traceability dossier ${d.shipment.reference}`,
      Author: 'Crossgate',
      Subject: `Chain of custody of shipment ${d.shipment.reference} with journal inclusion proofs`,
      CreationDate: new Date(d.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const h1 = (t: string) =>
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).fillColor('#111').text(t).moveDown(0.3);
  const kv = (k: string, v: string) =>
    doc.font('Helvetica-Bold').fontSize(9).text(`${k}: `, { continued: true }).font('Helvetica').text(v);

  doc.font('Helvetica-Bold').fontSize(18).text('Supply-chain traceability dossier');
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#444')
    .text(`${d.organisation.name} (${d.organisation.country})`);
  doc.text(`Dossier ${d.id}, generated ${when(d.generatedAt)}`);
  doc.fillColor('#111');

  h1(`Shipment ${d.shipment.reference}`);
  const s = d.shipment;
  kv(
    'Mode and carrier',
    `${s.mode}${s.carrier ? `, ${s.carrier}` : ''}${s.trackingNumber ? `, tracking ${s.trackingNumber}` : ''}`,
  );
  kv(
    'Route',
    `${s.originCountry}${s.originPort ? ` (${s.originPort})` : ''} to ${s.destinationCountry}${s.destinationPort ? ` (${s.destinationPort})` : ''}`,
  );
  kv('Departure', `planned ${when(s.etd)}, actual ${when(s.atd)}`);
  kv('Arrival', `planned ${when(s.eta)}, actual ${when(s.ata)}`);
  for (const p of d.products)
    kv(`Product ${p.sku}`, `${p.title}; HS ${p.hsCode ?? '-'}; origin ${p.originCountry ?? '-'}`);

  const c = d.completeness;
  h1(`Completeness: ${c.score} / 100 (${c.level})`);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(
      `${c.counts.present} present, ${c.counts.late} late, ${c.counts.contradictory} contradictory, ${c.counts.missing} missing, ${c.counts.not_applicable} not applicable. Rules ${c.rulesVersion}.`,
    )
    .moveDown(0.3);
  for (const l of c.links) {
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(`${String(l.order).padStart(2, ' ')}. ${l.label}: ${STATUS_LABEL[l.status]}`, {
        continued: l.reasons.length > 0,
      })
      .font('Helvetica')
      .text(l.reasons.length ? `  ${l.reasons.join('; ')}` : '');
  }

  h1('Chain of custody');
  for (const e of d.events) {
    const parts = [
      e.country,
      e.location,
      e.facility,
      e.batch ? `batch ${e.batch}` : null,
      e.leg ? `leg ${e.leg}` : null,
      e.carrier,
      typeof e.details.conveyance === 'string' ? e.details.conveyance : null,
    ].filter(Boolean);
    const docs = Array.isArray(e.details.documents)
      ? (e.details.documents as Array<{ type: string; number: string }>)
          .map((x) => `${x.type} ${x.number}`)
          .join(', ')
      : '';
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(`${when(e.occurredAt)}  ${e.link.replaceAll('_', ' ')}`, { continued: true })
      .font('Helvetica')
      .text(`  ${parts.join(', ')}${docs ? `; documents: ${docs}` : ''}`);
    doc
      .fontSize(7)
      .fillColor('#555')
      .text(
        `event ${e.reference}, recorded ${when(e.recordedAt)}, journal entry ${e.journal.index} (${e.journal.entryId})`,
      )
      .fillColor('#111');
  }

  h1('Proof of record');
  const j = d.journal;
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(
      "Every event above is an entry in Crossgate's journal, an append-only Merkle tree (RFC 6962). The signed tree head below commits to all of them; each audit path leads from the event's leaf hash to its root. Check the JSON edition offline with: crossgate journal check-bundle <dossier.json> --public-key <key.pem>",
    )
    .moveDown(0.3);
  if (j) {
    doc
      .font('Courier')
      .fontSize(7)
      .text(
        `signed tree head (Ed25519, key ${j.keyId}):\n${j.checkpoint.text}signature ${j.checkpoint.signature}`,
      );
    doc.moveDown(0.3).text(j.publicKey);
    for (const e of j.entries) {
      doc.moveDown(0.2).text(`entry ${e.index} leaf ${e.leafHash}`);
      doc.text(`  audit path: ${e.proof.join(' ') || '(none: the tree has one leaf)'}`);
    }
  } else doc.text('No events recorded: nothing to prove.');
  doc.end();
  return done;
}
