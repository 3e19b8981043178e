import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, type HttpApp } from '../../platform/http/server.ts';
import { BUNDLE_FORMAT } from './bundle.ts';
import {
  consistencyBetween,
  getEntry,
  journalPublicKey,
  latestHead,
  listEntries,
  listHeads,
  proveEntries,
  signTreeHead,
  verifyJournal,
} from './journal.service.ts';
import { notFound } from '../../platform/errors.ts';

const hex = z.string().describe('hex-encoded SHA-256');
const entry = z.object({
  index: z.number(),
  id: z.string(),
  kind: z.string(),
  version: z.number(),
  actor: z.string(),
  subject: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  recordedAt: z.string(),
  leafHash: hex,
});
export const signedHeadSchema = z.object({
  origin: z.string(),
  treeSize: z.number(),
  rootHash: hex,
  signedAt: z.string(),
  keyId: z.string(),
  checkpoint: z.string().describe('C2SP tlog-checkpoint text; the Ed25519 signature is over these bytes'),
  signature: z.string().describe('base64 Ed25519 signature'),
});
export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  publicKey: z.string(),
  keyId: z.string(),
  checkpoint: z.object({ text: z.string(), signature: z.string() }),
  entries: z.array(z.object({ index: z.number(), leaf: z.string(), leafHash: hex, proof: z.array(hex) })),
});
const ref = z.object({ ref: z.string().max(64).describe('leaf index or entry id (jnl_…)') });

export function journalRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    '/journal/entries',
    {
      config: { permission: 'journal:read' },
      schema: {
        tags: ['journal'],
        summary: 'Journal entries, newest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          before: z.coerce.number().int().min(0).optional().describe('only entries below this index'),
          kind: z.string().max(100).optional(),
          subject: z.string().max(64).optional(),
        }),
        response: { 200: z.object({ items: z.array(entry), nextBefore: z.number().nullable() }) },
      },
    },
    async (req) => {
      const items = await listEntries(ctx, actorOf(req).orgId, { ...req.query, limit: req.query.limit + 1 });
      const more = items.length > req.query.limit;
      const page = more ? items.slice(0, req.query.limit) : items;
      return { items: page, nextBefore: more ? page.at(-1)!.index : null };
    },
  );
  app.get(
    '/journal/entries/:ref',
    {
      config: { permission: 'journal:read' },
      schema: {
        tags: ['journal'],
        summary: 'One entry with its canonical leaf bytes',
        params: ref,
        response: { 200: entry.extend({ leaf: z.string() }) },
      },
    },
    async (req) => getEntry(ctx, actorOf(req).orgId, req.params.ref),
  );
  app.get(
    '/journal/entries/:ref/proof',
    {
      config: { permission: 'journal:read' },
      schema: {
        tags: ['journal'],
        summary: 'Inclusion proof bundle (entry, audit path, signed head, public key), verifiable offline',
        params: ref,
        querystring: z.object({ treeSize: z.coerce.number().int().min(1).optional() }),
        response: { 200: bundleSchema },
      },
    },
    async (req) => {
      const { head: _head, ...bundle } = await proveEntries(
        ctx,
        actorOf(req).orgId,
        [req.params.ref],
        req.query,
      );
      return bundle;
    },
  );
  app.get(
    '/journal/heads',
    {
      config: { permission: 'journal:read' },
      schema: {
        tags: ['journal'],
        summary: 'Signed tree heads, largest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          before: z.coerce.number().int().min(0).optional(),
        }),
        response: { 200: z.object({ items: z.array(signedHeadSchema) }) },
      },
    },
    async (req) => ({
      items: await listHeads(ctx, actorOf(req).orgId, {
        limit: req.query.limit,
        ...(req.query.before !== undefined ? { beforeSize: req.query.before } : {}),
      }),
    }),
  );
  app.get(
    '/journal/heads/latest',
    {
      config: { permission: 'journal:read' },
      schema: {
        tags: ['journal'],
        summary: 'The latest signed tree head',
        response: { 200: signedHeadSchema },
      },
    },
    async (req) => {
      const h = await latestHead(ctx, actorOf(req).orgId);
      if (!h) throw notFound('Signed tree head');
      return h;
    },
  );
  app.post(
    '/journal/heads',
    {
      config: { permission: 'journal:sign' },
      schema: {
        tags: ['journal'],
        summary: 'Sign the current tree head now (returns the latest one if the log has not grown)',
        response: { 200: signedHeadSchema },
      },
    },
    async (req) => signTreeHead(ctx, actorOf(req).orgId),
  );
  app.get(
    '/journal/consistency',
    {
      config: { permission: 'journal:read' },
      schema: {
        tags: ['journal'],
        summary: 'Consistency proof between two signed heads (RFC 9162 §2.1.4)',
        querystring: z.object({ from: z.coerce.number().int().min(0), to: z.coerce.number().int().min(0) }),
        response: {
          200: z.object({
            from: signedHeadSchema,
            to: signedHeadSchema,
            proof: z.array(hex),
            verified: z.boolean(),
          }),
        },
      },
    },
    async (req) => consistencyBetween(ctx, actorOf(req).orgId, req.query.from, req.query.to),
  );
  app.get(
    '/journal/public-key',
    {
      config: { permission: 'journal:read' },
      schema: {
        tags: ['journal'],
        summary: 'The Ed25519 key that signs tree heads (SPKI PEM)',
        response: {
          200: z.object({ keyId: z.string(), publicKey: z.string(), algorithm: z.literal('Ed25519') }),
        },
      },
    },
    async () => journalPublicKey(ctx),
  );
  app.post(
    '/journal/verify',
    {
      config: { permission: 'journal:verify' },
      schema: {
        tags: ['journal'],
        summary: 'Verify the whole log against its signed heads; reports the first bad index',
        response: {
          200: z.object({
            ok: z.boolean(),
            origin: z.string(),
            entries: z.number(),
            headsChecked: z.number(),
            firstBadIndex: z.number().nullable(),
            problems: z.array(z.object({ index: z.number(), problem: z.string(), message: z.string() })),
            rootHash: hex,
            millis: z.number(),
          }),
        },
      },
    },
    async (req) => verifyJournal(ctx, actorOf(req).orgId),
  );
}
