-- Whole-vault integrity (see crates/waymark-core/src/integrity.rs and docs/CRYPTO.md).
-- One sealed state per profile counts its sealed rows, part by part, with a keyed sum over them.
-- The triggers below change it in the same transaction as every row inserted, updated or
-- deleted, through waymark_integrity(), which the app registers on its own connection and which
-- works only while the profile is unlocked. A profile made before this version gets its state
-- at its first unlock (its key wraps then move to format 2, which says a state must exist).
CREATE TABLE integrity_state (
    profile_id BLOB PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    sealed     BLOB NOT NULL
);

-- Re-keying re-seals ledger entries in place, so the append-only rule now forbids changing what
-- an entry is (its id, kind or version) rather than any update: its contents are sealed, and only
-- the app, holding the key, can seal new ones.
DROP TRIGGER ledgers_append_only;
CREATE TRIGGER ledgers_append_only BEFORE UPDATE ON records
WHEN OLD.kind IN ('consent_event', 'share_entry')
     AND (NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind OR NEW.version IS NOT OLD.version)
BEGIN
    SELECT RAISE(ABORT, 'consent and sharing ledger entries cannot be changed');
END;

-- The profile's name, role and language are vouched for by the state too.
CREATE TRIGGER integrity_profiles_update AFTER UPDATE OF display_name, role, language ON profiles
BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity_profile(sealed, NEW.id, NEW.display_name, NEW.role, NEW.language)
    WHERE profile_id = NEW.id;
END;


CREATE TRIGGER integrity_records_insert AFTER INSERT ON records BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, NEW.profile_id, 1, 'records/' || NEW.kind, NEW.sealed, NEW.id, NEW.version)
    WHERE profile_id = NEW.profile_id;
END;
CREATE TRIGGER integrity_records_delete AFTER DELETE ON records BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, OLD.profile_id, -1, 'records/' || OLD.kind, OLD.sealed, OLD.id, OLD.version)
    WHERE profile_id = OLD.profile_id;
END;
CREATE TRIGGER integrity_records_update AFTER UPDATE OF sealed, id, version ON records BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(waymark_integrity(sealed, OLD.profile_id, -1, 'records/' || OLD.kind, OLD.sealed, OLD.id, OLD.version), NEW.profile_id, 1, 'records/' || NEW.kind, NEW.sealed, NEW.id, NEW.version)
    WHERE profile_id = NEW.profile_id;
END;

CREATE TRIGGER integrity_outbox_insert AFTER INSERT ON outbox BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, NEW.profile_id, 1, 'outbox', NEW.sealed, NEW.id)
    WHERE profile_id = NEW.profile_id;
END;
CREATE TRIGGER integrity_outbox_delete AFTER DELETE ON outbox BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, OLD.profile_id, -1, 'outbox', OLD.sealed, OLD.id)
    WHERE profile_id = OLD.profile_id;
END;
CREATE TRIGGER integrity_outbox_update AFTER UPDATE OF sealed, id ON outbox BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(waymark_integrity(sealed, OLD.profile_id, -1, 'outbox', OLD.sealed, OLD.id), NEW.profile_id, 1, 'outbox', NEW.sealed, NEW.id)
    WHERE profile_id = NEW.profile_id;
END;

CREATE TRIGGER integrity_pending_deletions_insert AFTER INSERT ON pending_deletions BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, NEW.profile_id, 1, 'pending_deletions', NEW.sealed, NEW.id)
    WHERE profile_id = NEW.profile_id;
END;
CREATE TRIGGER integrity_pending_deletions_delete AFTER DELETE ON pending_deletions BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, OLD.profile_id, -1, 'pending_deletions', OLD.sealed, OLD.id)
    WHERE profile_id = OLD.profile_id;
END;
CREATE TRIGGER integrity_pending_deletions_update AFTER UPDATE OF sealed, id ON pending_deletions BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(waymark_integrity(sealed, OLD.profile_id, -1, 'pending_deletions', OLD.sealed, OLD.id), NEW.profile_id, 1, 'pending_deletions', NEW.sealed, NEW.id)
    WHERE profile_id = NEW.profile_id;
END;

CREATE TRIGGER integrity_deletion_receipts_insert AFTER INSERT ON deletion_receipts BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, NEW.profile_id, 1, 'deletion_receipts', NEW.sealed, NEW.id)
    WHERE profile_id = NEW.profile_id;
END;
CREATE TRIGGER integrity_deletion_receipts_delete AFTER DELETE ON deletion_receipts BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, OLD.profile_id, -1, 'deletion_receipts', OLD.sealed, OLD.id)
    WHERE profile_id = OLD.profile_id;
END;
CREATE TRIGGER integrity_deletion_receipts_update AFTER UPDATE OF sealed, id ON deletion_receipts BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(waymark_integrity(sealed, OLD.profile_id, -1, 'deletion_receipts', OLD.sealed, OLD.id), NEW.profile_id, 1, 'deletion_receipts', NEW.sealed, NEW.id)
    WHERE profile_id = NEW.profile_id;
END;

CREATE TRIGGER integrity_service_connection_insert AFTER INSERT ON service_connection BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, NEW.profile_id, 1, 'service_connection', NEW.sealed)
    WHERE profile_id = NEW.profile_id;
END;
CREATE TRIGGER integrity_service_connection_delete AFTER DELETE ON service_connection BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, OLD.profile_id, -1, 'service_connection', OLD.sealed)
    WHERE profile_id = OLD.profile_id;
END;
CREATE TRIGGER integrity_service_connection_update AFTER UPDATE OF sealed ON service_connection BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(waymark_integrity(sealed, OLD.profile_id, -1, 'service_connection', OLD.sealed), NEW.profile_id, 1, 'service_connection', NEW.sealed)
    WHERE profile_id = NEW.profile_id;
END;

CREATE TRIGGER integrity_roster_state_insert AFTER INSERT ON roster_state BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, NEW.profile_id, 1, 'roster_state', NEW.sealed)
    WHERE profile_id = NEW.profile_id;
END;
CREATE TRIGGER integrity_roster_state_delete AFTER DELETE ON roster_state BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, OLD.profile_id, -1, 'roster_state', OLD.sealed)
    WHERE profile_id = OLD.profile_id;
END;
CREATE TRIGGER integrity_roster_state_update AFTER UPDATE OF sealed ON roster_state BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(waymark_integrity(sealed, OLD.profile_id, -1, 'roster_state', OLD.sealed), NEW.profile_id, 1, 'roster_state', NEW.sealed)
    WHERE profile_id = NEW.profile_id;
END;

CREATE TRIGGER integrity_shared_with_me_insert AFTER INSERT ON shared_with_me BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, NEW.profile_id, 1, 'shared_with_me', NEW.sealed, NEW.envelope_id, NEW.version)
    WHERE profile_id = NEW.profile_id;
END;
CREATE TRIGGER integrity_shared_with_me_delete AFTER DELETE ON shared_with_me BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, OLD.profile_id, -1, 'shared_with_me', OLD.sealed, OLD.envelope_id, OLD.version)
    WHERE profile_id = OLD.profile_id;
END;
CREATE TRIGGER integrity_shared_with_me_update AFTER UPDATE OF sealed, envelope_id, version ON shared_with_me BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(waymark_integrity(sealed, OLD.profile_id, -1, 'shared_with_me', OLD.sealed, OLD.envelope_id, OLD.version), NEW.profile_id, 1, 'shared_with_me', NEW.sealed, NEW.envelope_id, NEW.version)
    WHERE profile_id = NEW.profile_id;
END;

CREATE TRIGGER integrity_person_labels_insert AFTER INSERT ON person_labels BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, NEW.profile_id, 1, 'person_labels', NEW.sealed, NEW.person_id)
    WHERE profile_id = NEW.profile_id;
END;
CREATE TRIGGER integrity_person_labels_delete AFTER DELETE ON person_labels BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, OLD.profile_id, -1, 'person_labels', OLD.sealed, OLD.person_id)
    WHERE profile_id = OLD.profile_id;
END;
CREATE TRIGGER integrity_person_labels_update AFTER UPDATE OF sealed, person_id ON person_labels BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(waymark_integrity(sealed, OLD.profile_id, -1, 'person_labels', OLD.sealed, OLD.person_id), NEW.profile_id, 1, 'person_labels', NEW.sealed, NEW.person_id)
    WHERE profile_id = NEW.profile_id;
END;

CREATE TRIGGER integrity_published_plans_insert AFTER INSERT ON published_plans BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, NEW.profile_id, 1, 'published_plans', NEW.sealed, NEW.person_id, NEW.plan_id, NEW.version)
    WHERE profile_id = NEW.profile_id;
END;
CREATE TRIGGER integrity_published_plans_delete AFTER DELETE ON published_plans BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, OLD.profile_id, -1, 'published_plans', OLD.sealed, OLD.person_id, OLD.plan_id, OLD.version)
    WHERE profile_id = OLD.profile_id;
END;
CREATE TRIGGER integrity_published_plans_update AFTER UPDATE OF sealed, person_id, plan_id, version ON published_plans BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(waymark_integrity(sealed, OLD.profile_id, -1, 'published_plans', OLD.sealed, OLD.person_id, OLD.plan_id, OLD.version), NEW.profile_id, 1, 'published_plans', NEW.sealed, NEW.person_id, NEW.plan_id, NEW.version)
    WHERE profile_id = NEW.profile_id;
END;

CREATE TRIGGER integrity_audit_trail_insert AFTER INSERT ON audit_trail BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, NEW.profile_id, 1, 'audit_trail', NEW.sealed, NEW.device_id, NEW.seq, NEW.handed_in)
    WHERE profile_id = NEW.profile_id;
END;
CREATE TRIGGER integrity_audit_trail_delete AFTER DELETE ON audit_trail BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(sealed, OLD.profile_id, -1, 'audit_trail', OLD.sealed, OLD.device_id, OLD.seq, OLD.handed_in)
    WHERE profile_id = OLD.profile_id;
END;
CREATE TRIGGER integrity_audit_trail_update AFTER UPDATE OF sealed, device_id, seq, handed_in ON audit_trail BEGIN
    UPDATE integrity_state SET sealed = waymark_integrity(waymark_integrity(sealed, OLD.profile_id, -1, 'audit_trail', OLD.sealed, OLD.device_id, OLD.seq, OLD.handed_in), NEW.profile_id, 1, 'audit_trail', NEW.sealed, NEW.device_id, NEW.seq, NEW.handed_in)
    WHERE profile_id = NEW.profile_id;
END;
