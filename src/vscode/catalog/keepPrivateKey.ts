import type { StoredKeyInfo } from './secretKeys';

// "Edit key" may leave the private key empty to keep the saved one, but only for the same key:
// kept under a new access key ID it would sign as the wrong key, and under a new profile name it
// would copy the secret to another profile.

/** True when the answers name the profile and access key ID being edited, so its saved private key still belongs to them. */
export function mayKeepSavedPrivateKey(earlier: Partial<StoredKeyInfo>, answers: { profile: string; accessKeyId: string }): boolean {
  return (
    earlier.profile !== undefined &&
    earlier.accessKeyId !== undefined &&
    answers.profile.trim() === earlier.profile &&
    answers.accessKeyId.trim() === earlier.accessKeyId
  );
}
