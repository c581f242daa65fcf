-- Whose library is installed, so only they (or the built-in one) replace it, and the copy that
-- proves it, checked again at every start. `source` is 'builtin' (shipped with the app; its copy
-- is the app itself), 'local' (installed from a file by someone at this laptop) or 'published'
-- (signed by a publisher a profile's pinned service root vouches for). Rows from before this
-- migration are taken as built-in: the check at the next start finds whether they are, and puts
-- the built-in library back if not.
ALTER TABLE library_bundle ADD COLUMN source TEXT NOT NULL DEFAULT 'builtin' CHECK (source IN ('builtin', 'local', 'published'));
-- The pinned service signing key the publisher answers to, and the key that signed (the same
-- key, or an administrator worker's laptop that root's roster names).
ALTER TABLE library_bundle ADD COLUMN publisher_root BLOB;
ALTER TABLE library_bundle ADD COLUMN signer_key BLOB;
-- What was installed, exactly: the signed bundle for 'published', the bundle for 'local'.
ALTER TABLE library_bundle ADD COLUMN copy TEXT;
ALTER TABLE library_bundle ADD COLUMN expires_at INTEGER;
