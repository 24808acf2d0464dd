// Pure pieces of the local stack's Edge Function runtime and Storage subset: how functions are
// found and declared, what an env file may set, the verify_jwt refusals and the mime-type rule.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFunctions } from '../../supabase/local/functions-config.mjs';
import { readEnvFile } from '../../supabase/local/function-env.mjs';
import { functionAuthRefusal } from '../../supabase/local/function-auth.mjs';
import { checkMimeType } from '../../supabase/local/storage/request-body.mjs';
import { LOCAL_ANON_KEY, signJwt } from '../../supabase/local/keys.mjs';

const fixtures = path.resolve('tests/fixtures/functions');

describe('discoverFunctions', () => {
  const found = discoverFunctions([{ functionsDir: fixtures, configFile: path.join(fixtures, 'config.toml') }]);

  it('serves every <name>/index.ts, never _shared, and reads verify_jwt from config.toml (default true)', () => {
    expect(found.has('_shared')).toBe(false);
    expect(found.get('echo')).toMatchObject({ verifyJwt: true, denoConfig: null, entry: path.join(fixtures, 'echo/index.ts') });
    expect(found.get('public-echo')!.verifyJwt).toBe(false);
    expect(found.get('send-mail')!.denoConfig).toBe(path.join(fixtures, 'send-mail/deno.json'));
  });

  it('a folder that is missing is no error; an earlier folder keeps its function of the same name', () => {
    const both = discoverFunctions([
      { functionsDir: path.join(fixtures, 'no-such-folder'), configFile: 'none.toml' },
      { functionsDir: fixtures, configFile: path.join(fixtures, 'config.toml') },
      { functionsDir: fixtures, configFile: 'none.toml' },
    ]);
    expect(both.get('public-echo')!.verifyJwt).toBe(false);
  });
});

describe('readEnvFile', () => {
  it('reads the variables, without the SUPABASE_ ones the platform sets (and says so)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'irtiqaa-env-'));
    const file = path.join(dir, '.env');
    await writeFile(file, 'SMTP_HOST=mail.example.org\nSUPABASE_SERVICE_ROLE_KEY=stolen\n# comment\nMAIL_FROM="Irtiqaa <a@b.c>"\n');
    const warnings: string[] = [];
    try {
      expect(readEnvFile(file, (m) => warnings.push(m))).toEqual({ SMTP_HOST: 'mail.example.org', MAIL_FROM: 'Irtiqaa <a@b.c>' });
      expect(warnings.join()).toContain('SUPABASE_SERVICE_ROLE_KEY');
      expect(readEnvFile(path.join(dir, 'missing.env'))).toEqual({});
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('functionAuthRefusal (verify_jwt)', () => {
  const refusal = (authorization?: string) => functionAuthRefusal({ headers: authorization ? { authorization } : {} })?.code ?? null;
  const header = (h: object) => Buffer.from(JSON.stringify(h)).toString('base64url');

  it('passes a token signed with the project secret', () => {
    expect(refusal(`Bearer ${LOCAL_ANON_KEY}`)).toBeNull();
  });

  it('refuses each wrong token with its hosted code', () => {
    expect(refusal()).toBe('UNAUTHORIZED_NO_AUTH_HEADER');
    expect(refusal(LOCAL_ANON_KEY)).toBe('UNAUTHORIZED_INVALID_JWT_FORMAT');
    expect(refusal('Bearer not-a-jwt')).toBe('UNAUTHORIZED_INVALID_JWT_FORMAT');
    expect(refusal(`Bearer ${header({ alg: 'none' })}.${header({ role: 'service_role' })}.`)).toBe('UNAUTHORIZED_UNSUPPORTED_TOKEN_ALGORITHM');
    expect(refusal(`Bearer ${header({ alg: 'ES256' })}.${header({ role: 'anon' })}.c2ln`)).toBe('UNAUTHORIZED_ASYMMETRIC_JWT');
    expect(refusal(`Bearer ${signJwt({ role: 'anon' }, 'another-secret')}`)).toBe('UNAUTHORIZED_LEGACY_JWT');
  });
});

describe("checkMimeType (hosted's validateMimeType)", () => {
  const allowed = ['application/pdf', 'image/*'];
  const verdict = (type: string) => {
    try {
      checkMimeType(type, allowed);
      return 'allowed';
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it('admits an exact type and any subtype of type/*', () => {
    expect(verdict('application/pdf')).toBe('allowed');
    expect(verdict('image/jpeg')).toBe('allowed');
  });

  it('refuses other types, a type without a subtype, and (as hosted) parameters after the subtype', () => {
    expect(verdict('text/plain')).toBe('InvalidMimeType');
    expect(verdict('pdf')).toBe('InvalidMimeType');
    expect(verdict('application/pdf;charset=binary')).toBe('InvalidMimeType');
  });

  it('admits anything when the bucket lists no types', () => {
    expect(() => checkMimeType('text/plain', [])).not.toThrow();
    expect(() => checkMimeType('text/plain', null)).not.toThrow();
  });
});
