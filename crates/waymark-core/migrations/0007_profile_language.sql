-- Each profile's language (a BCP 47 tag Waymark knows: en-GB or cy). Kept in the clear beside the
-- name and role, so the start screen can greet the person in it before they unlock.
ALTER TABLE profiles ADD COLUMN language TEXT NOT NULL DEFAULT 'en-GB' CHECK (language IN ('en-GB', 'cy'));
