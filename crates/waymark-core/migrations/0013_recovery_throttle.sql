-- Wrong recovery codes are counted apart from wrong passphrases: someone guessing passphrases at
-- the laptop slows passphrase attempts only, and the person can still come in with their recovery
-- code at once. Recovery guesses have their own, equally growing wait.
ALTER TABLE profiles ADD COLUMN failed_recoveries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE profiles ADD COLUMN recovery_not_before INTEGER NOT NULL DEFAULT 0;
