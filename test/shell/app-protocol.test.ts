import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY, resolveAppPath, responseHeaders } from '../../main/electron/app-protocol';
import { isAllowedExternalUrl, isTrustedSenderUrl } from '../../main/electron/security-rules';

const root = resolve('/opt/portodesk/dist/renderer');

describe('app:// protocol', () => {
  it('serves files of dist/renderer, index.html for the root', () => {
    expect(resolveAppPath(root, 'app://portodesk/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://portodesk/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://portodesk/assets/index-Ab12.js?v=1#x')).toBe(join(root, 'assets', 'index-Ab12.js'));
    expect(resolveAppPath(root, 'app://portodesk/assets/Gr%C3%B6%C3%9Fe.css')).toBe(join(root, 'assets', 'Größe.css'));
  });

  it('keeps dot segments inside dist/renderer (the URL parser folds them before we see the path)', () => {
    expect(resolveAppPath(root, 'app://portodesk/../main/main.cjs')).toBe(join(root, 'main', 'main.cjs'));
    expect(resolveAppPath(root, 'app://portodesk/%2e%2e/%2e%2e/package.json')).toBe(join(root, 'package.json'));
  });

  it.each([
    'app://portodesk/assets/%2e%2e%2f%2e%2e%2fportodesk.db',
    'app://portodesk/assets/..%2f..%2f..%2fmain%2fmain.cjs',
    'app://portodesk/..%5c..%5cportodesk.db',
    'app://portodesk/assets/%00.js',
    'app://portodesk/%E0%A4%A',
    'app://elsewhere/index.html',
    'file:///etc/passwd',
    'https://portodesk/index.html',
    'kein url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('sends a strict CSP with every file: own scripts only, no eval, no foreign connections, no framing', () => {
    const h = responseHeaders(join(root, 'index.html'));
    expect(h['content-type']).toBe('text/html; charset=utf-8');
    expect(h['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    expect(responseHeaders('x.js')['x-content-type-options']).toBe('nosniff');
  });
});

describe('sender and link rules', () => {
  it('trusts only our own page as IPC sender', () => {
    expect(isTrustedSenderUrl('app://portodesk/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://portodesk/index.html#settings')).toBe(true);
    for (const bad of ['https://evil.example/', 'app://evil/index.html', 'file:///tmp/x.html', 'blob:app://portodesk/1234', 'about:blank', '', null, undefined]) {
      expect(isTrustedSenderUrl(bad)).toBe(false);
    }
  });

  it('opens only allow-listed https links outside', () => {
    expect(isAllowedExternalUrl('https://portokasse.deutschepost.de/portokasse/#!/')).toBe(true);
    expect(isAllowedExternalUrl('https://www.portodesk.de/hilfe')).toBe(true);
    for (const bad of [
      'http://www.portodesk.de/hilfe',
      'https://www.portodesk.de.evil.example/',
      'https://evilportodesk.de/',
      'https://user:pw@www.portodesk.de/',
      'https://www.portodesk.de:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'nonsense',
    ]) {
      expect(isAllowedExternalUrl(bad), bad).toBe(false);
    }
  });
});
