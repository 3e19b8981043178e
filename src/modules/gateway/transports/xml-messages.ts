import { XMLParser } from 'fast-xml-parser';
import type { Disposition, Reason } from '../gateway.types.ts';

/**
 * Notification messages of the REST regimes (the sandbox's protocol, modelled on CDS's DMS
 * notifications and ICS2's IE3 messages). One document carries a list:
 *
 *   <Notifications next="12">
 *     <Notification position="11" code="DMSACC">
 *       <MessageID/> <ConversationID/> <IdempotencyKey/> <LRN/> <MRN/> <Seq/> <IssueDateTime/>
 *       <Errors><Error><Code/><Text/></Error></Errors>
 *     </Notification>
 *   </Notifications>
 */
export const CDS_CODES: Record<Disposition, string> = {
  received: 'DMSRCV',
  accepted: 'DMSACC',
  rejected: 'DMSREJ',
  hold: 'DMSCTL',
  released: 'DMSCLE',
  referral: 'DMSDOC',
  do_not_load: 'DMSDNL',
  amended: 'DMSAMD',
  withdrawn: 'DMSINV',
};

export const ICS2_CODES: Record<Disposition, string> = {
  received: 'IE3R01',
  accepted: 'IE3R04',
  rejected: 'IE3N99',
  hold: 'IE3Q03',
  released: 'IE3R05',
  referral: 'IE3Q02',
  do_not_load: 'IE3Q04',
  amended: 'IE3R02',
  withdrawn: 'IE3R03',
};

export interface WireNotification {
  position: number;
  messageId: string;
  idempotencyKey: string;
  conversationId: string;
  reference: string;
  authorityRef: string;
  code: string;
  disposition: Disposition;
  seq: number;
  reasons: Reason[];
  issuedAt: string;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function encodeNotifications(items: WireNotification[], next: number): string {
  const body = items
    .map(
      (n) =>
        `<Notification position="${n.position}" code="${esc(n.code)}">` +
        `<MessageID>${esc(n.messageId)}</MessageID><ConversationID>${esc(n.conversationId)}</ConversationID>` +
        `<IdempotencyKey>${esc(n.idempotencyKey)}</IdempotencyKey><LRN>${esc(n.reference)}</LRN>` +
        `<MRN>${esc(n.authorityRef)}</MRN><Seq>${n.seq}</Seq><IssueDateTime>${esc(n.issuedAt)}</IssueDateTime>` +
        `<Errors>${n.reasons.map((r) => `<Error><Code>${esc(r.code)}</Code><Text>${esc(r.text)}</Text></Error>`).join('')}</Errors>` +
        '</Notification>',
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Notifications next="${next}">${body}</Notifications>`;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => ['Notification', 'Error', 'error'].includes(name),
});

type Node = Record<string, unknown>;
const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);

export interface DecodedNotification {
  messageId: string;
  idempotencyKey: string;
  conversationId: string;
  authorityRef: string;
  code: string;
  seq: number;
  reasons: Reason[];
  issuedAt: string;
}

export function decodeNotifications(xml: string): { next: number; items: DecodedNotification[] } {
  const doc = parser.parse(xml) as Node;
  const root = doc.Notifications as Node | undefined;
  if (!root) throw new Error('not a Notifications document');
  const items = ((root.Notification as Node[] | undefined) ?? []).map((n) => ({
    messageId: str(n.MessageID),
    idempotencyKey: str(n.IdempotencyKey),
    conversationId: str(n.ConversationID),
    authorityRef: str(n.MRN),
    code: str(n['@code']),
    seq: Number(str(n.Seq)),
    issuedAt: str(n.IssueDateTime),
    reasons: (((n.Errors as Node | undefined)?.Error as Node[] | undefined) ?? []).map((e) => ({
      code: str(e.Code),
      text: str(e.Text),
    })),
  }));
  return { next: Number(root['@next'] ?? 0), items };
}

/** Reasons from a synchronous validation error (`<errorResponse>` or ICS2 `<IE3N99>`), or undefined. */
export function decodeErrorResponse(xml: string): Reason[] | undefined {
  try {
    const doc = parser.parse(xml) as Node;
    const root = (doc.errorResponse ?? doc.IE3N99) as Node | undefined;
    if (!root) return undefined;
    const errs = ((root.errors as Node | undefined)?.error as Node[] | undefined) ?? [];
    const reasons = errs.map((e) => ({ code: str(e.code), text: str(e.text) }));
    return reasons.length ? reasons : [{ code: str(root.code) || 'ERROR', text: str(root.message) }];
  } catch {
    return undefined;
  }
}

/** ICS2's synchronous registration answer (IE3R01): the MRN and the message id. */
export function decodeRegistration(
  xml: string,
): { messageId: string; mrn: string; seq: number; issuedAt: string } | undefined {
  try {
    const doc = parser.parse(xml) as Node;
    const root = doc[ICS2_CODES.received] as Node | undefined;
    if (!root) return undefined;
    return {
      messageId: str(root.MessageID),
      mrn: str(root.MRN),
      seq: Number(str(root.Seq)) || 1,
      issuedAt: str(root.IssueDateTime),
    };
  } catch {
    return undefined;
  }
}

export function dispositionOfCode(codes: Record<Disposition, string>, code: string): Disposition | undefined {
  for (const [d, c] of Object.entries(codes)) if (c === code) return d as Disposition;
  return undefined;
}
