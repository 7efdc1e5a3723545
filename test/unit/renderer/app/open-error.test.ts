import { describe, expect, it } from 'vitest';
import { classifyOpenError } from '../../../../renderer/app/open-error.js';
import { ReplicaOpenError } from '../../../../renderer/replica/errors.js';

describe('classifyOpenError', () => {
  it('tells a newer schema from a missing IndexedDB, keeping the replica message', () => {
    const newer = classifyOpenError(new ReplicaOpenError('versionTooNew', 'VersionError'));
    expect(newer.kind).toBe('newerSchema');
    expect(newer.messageVi).toContain('phiên bản Courtdesk mới hơn');
    expect(classifyOpenError(new ReplicaOpenError('unavailable')).kind).toBe('unavailable');
    expect(classifyOpenError(new ReplicaOpenError('blocked')).kind).toBe('generic');
  });

  it('copes with anything thrown', () => {
    const failure = classifyOpenError('boom');
    expect(failure).toMatchObject({ kind: 'generic', detail: 'boom' });
  });
});
