//! The PostgreSQL back end, for when one machine is not enough: any number of stateless service
//! instances share one database. Every multi-step method runs in one transaction (redeeming an
//! invite locks its row), so two instances cannot both use one invite or store one envelope twice.
//! Each instance keeps a small pool of connections, so one slow query does not hold up the rest.

use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod};
use tokio_postgres::{Client, NoTls};
use uuid::Uuid;

use crate::error::{Result, ServiceError};
use crate::store::{alert_row, audit_to_keep, next_roster_seq, NewAuditEntry, usable_invite, DueAlert, NewAlert, Device, MailItem, NewEnvelope, NewInvite, ServiceStore, Stored, StoredEnvelope};

const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("../migrations/postgres/0001_init.sql")),
    (2, include_str!("../migrations/postgres/0002_receipts.sql")),
    (3, include_str!("../migrations/postgres/0003_resources.sql")),
    (4, include_str!("../migrations/postgres/0004_roster.sql")),
    (5, include_str!("../migrations/postgres/0005_alerts.sql")),
    (6, include_str!("../migrations/postgres/0006_readers.sql")),
    (7, include_str!("../migrations/postgres/0007_worker_audit.sql")),
];

/// Connections each instance may hold open. PostgreSQL's default limit is 100, so a handful of
/// instances fit with room to spare.
const POOL_SIZE: usize = 16;

#[derive(Clone)]
pub struct PgStore {
    pool: Pool,
}

fn db(e: tokio_postgres::Error) -> ServiceError {
    // The driver's message can include SQL; keep it out of replies (Display of this variant is generic).
    ServiceError::Postgres(e.to_string())
}

impl PgStore {
    /// Connects to `url` (`postgres://…`) and brings the schema up to date. With `schema`, the
    /// tables live in that schema (created if missing), so tests can share one database. A
    /// database on another machine is reached only over TLS, its certificate checked against this
    /// machine's roots and `ca` (see [`crate::postgres_tls`]).
    pub async fn connect(url: &str, schema: Option<&str>, ca: Option<&std::path::Path>) -> Result<PgStore> {
        let mut config: tokio_postgres::Config =
            url.parse().map_err(|e: tokio_postgres::Error| ServiceError::BadRequest(format!("the database address is not valid: {e}")))?;
        if let Some(schema) = schema {
            if !schema.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(ServiceError::BadRequest("a schema name may use only letters, digits and '_'".into()));
            }
            config.options(format!("-c search_path={schema}"));
        }
        let recycling = ManagerConfig { recycling_method: RecyclingMethod::Fast };
        let manager = if crate::postgres_tls::require_tls_off_this_machine(&mut config)? {
            let tls = crate::postgres_tls::RustlsConnect::new(crate::postgres_tls::client_config(ca)?);
            Manager::from_config(config, tls, recycling)
        } else {
            Manager::from_config(config, NoTls, recycling)
        };
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .build()
            .map_err(|e| ServiceError::Postgres(e.to_string()))?;
        let store = PgStore { pool };
        let mut client = store.conn().await?;
        if let Some(schema) = schema {
            client.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}")).await.map_err(db)?;
        }
        migrate(&mut client).await?;
        Ok(store)
    }

    /// A connection from the pool, waiting for one to come free if all are busy. A failure says
    /// why in full (a refused certificate says which way), for the operator's log.
    async fn conn(&self) -> Result<Object> {
        self.pool.get().await.map_err(|e| {
            let mut words = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(cause) = source {
                words.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            ServiceError::Postgres(words)
        })
    }
}

impl PgStore {
    /// Runs SQL straight on the database, as whoever controls the server could (for the
    /// malicious-server tests).
    pub async fn execute_for_tests(&self, sql: &str) {
        self.conn().await.expect("a pooled connection").batch_execute(sql).await.expect("the SQL runs");
    }

    /// Whether this store's connections are encrypted, as the server sees them (for the TLS test).
    pub async fn ssl_in_use_for_tests(&self) -> bool {
        let client = self.conn().await.expect("a pooled connection");
        client.query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[]).await.expect("pg_stat_ssl reads").get(0)
    }

    /// Every row of every table as text (for the tests' scan for plaintext).
    pub async fn dump_for_tests(&self) -> Vec<u8> {
        let client = self.conn().await.expect("a pooled connection");
        let mut out = Vec::new();
        for table in ["invites", "devices", "envelopes", "mailbox", "audit", "resources", "roster_links", "alerts", "alert_recipients"] {
            for row in client.query(&format!("SELECT t::text FROM {table} t"), &[]).await.expect("a table reads") {
                out.extend_from_slice(row.get::<_, &str>(0).as_bytes());
                out.push(b'\n');
            }
        }
        out
    }
}

async fn migrate(client: &mut Client) -> Result<()> {
    let tx = client.transaction().await.map_err(db)?;
    // One migrator at a time, even with several instances starting together.
    tx.batch_execute("SELECT pg_advisory_xact_lock(7157201); CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)")
        .await
        .map_err(db)?;
    let done: i32 = tx.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &[]).await.map_err(db)?.get(0);
    for (version, sql) in MIGRATIONS {
        if *version > done {
            tx.batch_execute(sql).await.map_err(db)?;
            tx.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[version]).await.map_err(db)?;
        }
    }
    tx.commit().await.map_err(db)
}

/// The columns [`device_from_row`] reads, in order.
const DEVICE_COLUMNS: &str = "id, person_name, role, signing_key, receiving_key, enrolled_at, person_id";

fn device_from_row(r: &tokio_postgres::Row) -> Result<Device> {
    let id: String = r.get(0);
    Ok(Device {
        id: Uuid::parse_str(&id).map_err(|_| ServiceError::Unavailable)?,
        person_id: r.get::<_, Option<String>>(6).map(|p| Uuid::parse_str(&p).map_err(|_| ServiceError::Unavailable)).transpose()?,
        person_name: r.get(1),
        role: r.get(2),
        signing_key: r.get(3),
        receiving_key: r.get(4),
        enrolled_at: r.get(5),
    })
}

impl ServiceStore for PgStore {
    async fn add_invite(&self, invite: NewInvite) -> Result<()> {
        let client = self.conn().await?;
        client
            .execute(
                "INSERT INTO invites (token_hash, person_name, role, created_at, expires_at, person_id) VALUES ($1, $2, $3, $4, $5, $6)",
                &[&invite.token_hash, &invite.person_name, &invite.role, &invite.created_at, &invite.expires_at, &invite.person_id.map(|p| p.to_string())],
            )
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn redeem_invite(&self, token_hash: Vec<u8>, device: Device, now: i64) -> Result<Device> {
        let mut client = self.conn().await?;
        let tx = client.transaction().await.map_err(db)?;
        let row = tx
            .query_opt("SELECT person_name, role, expires_at, used_at, person_id FROM invites WHERE token_hash = $1 FOR UPDATE", &[&token_hash])
            .await
            .map_err(db)?;
        let person_id = row.as_ref().and_then(|r| r.get::<_, Option<String>>(4)).and_then(|p| Uuid::parse_str(&p).ok());
        let (person_name, role) = usable_invite(row.map(|r| (r.get(0), r.get(1), r.get(2), r.get(3))), now)?;
        let device = Device { person_id, person_name, role, enrolled_at: now, ..device };
        let person_text = device.person_id.map(|p| p.to_string());
        tx.execute(
            "INSERT INTO devices (id, person_name, role, signing_key, receiving_key, enrolled_at, person_id) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[&device.id.to_string(), &device.person_name, &device.role, &device.signing_key, &device.receiving_key, &now, &person_text],
        )
        .await
        .map_err(db)?;
        tx.execute("UPDATE invites SET used_at = $2, device_id = $3 WHERE token_hash = $1", &[&token_hash, &now, &device.id.to_string()])
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(device)
    }

    async fn device(&self, id: Uuid) -> Result<Option<Device>> {
        let client = self.conn().await?;
        let row = client
            .query_opt(&format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE id = $1"), &[&id.to_string()])
            .await
            .map_err(db)?;
        row.as_ref().map(device_from_row).transpose()
    }

    async fn person_devices(&self) -> Result<Vec<Device>> {
        let client = self.conn().await?;
        let rows = client
            .query(&format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE person_id IS NOT NULL ORDER BY enrolled_at, id"), &[])
            .await
            .map_err(db)?;
        rows.iter().map(device_from_row).collect()
    }

    async fn roster_links(&self, from: i64, limit: u32) -> Result<Vec<String>> {
        let client = self.conn().await?;
        let rows = client
            .query("SELECT body FROM roster_links WHERE seq >= $1 ORDER BY seq LIMIT $2", &[&from, &i64::from(limit)])
            .await
            .map_err(db)?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    async fn roster_head(&self) -> Result<Option<i64>> {
        let client = self.conn().await?;
        Ok(client.query_one("SELECT MAX(seq) FROM roster_links", &[]).await.map_err(db)?.get(0))
    }

    async fn append_roster_link(&self, seq: i64, body: String) -> Result<()> {
        let mut client = self.conn().await?;
        let tx = client.transaction().await.map_err(db)?;
        // One writer at a time, so two administrators cannot both add link number `seq`.
        tx.batch_execute("LOCK TABLE roster_links IN EXCLUSIVE MODE").await.map_err(db)?;
        let head: Option<i64> = tx.query_one("SELECT MAX(seq) FROM roster_links", &[]).await.map_err(db)?.get(0);
        next_roster_seq(head, seq)?;
        tx.execute("INSERT INTO roster_links (seq, body) VALUES ($1, $2)", &[&seq, &body]).await.map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn put_envelopes(&self, device_id: Uuid, envelopes: Vec<NewEnvelope>, now: i64) -> Result<Vec<Stored>> {
        let mut client = self.conn().await?;
        let tx = client.transaction().await.map_err(db)?;
        let insert = tx
            .prepare_cached(
                "INSERT INTO envelopes (envelope_id, device_id, record_kind, received_at, body) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (envelope_id) DO NOTHING",
            )
            .await
            .map_err(db)?;
        let mut out = Vec::with_capacity(envelopes.len());
        for e in envelopes {
            // Insert unless the id is taken; then say whose it is. One statement per envelope, so
            // two instances racing on one id cannot both store it.
            let inserted =
                tx.execute(&insert, &[&e.envelope_id.to_string(), &device_id.to_string(), &e.record_kind, &now, &e.body]).await.map_err(db)?;
            if inserted == 1 {
                for reader in &e.readers {
                    tx.execute("INSERT INTO envelope_readers (envelope_id, device_id) VALUES ($1, $2)", &[&e.envelope_id.to_string(), &reader.to_string()])
                        .await
                        .map_err(db)?;
                }
                out.push(Stored::New);
                continue;
            }
            let owner: String =
                tx.query_one("SELECT device_id FROM envelopes WHERE envelope_id = $1", &[&e.envelope_id.to_string()]).await.map_err(db)?.get(0);
            if owner != device_id.to_string() {
                // Dropping the transaction stores none of the batch.
                return Err(ServiceError::Conflict("another device already sent an envelope with this id".into()));
            }
            out.push(Stored::AlreadyHere);
        }
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn envelopes(&self, after: i64, limit: u32) -> Result<Vec<StoredEnvelope>> {
        let client = self.conn().await?;
        let rows = client
            .query(
                "SELECT e.seq, e.device_id, d.person_name, e.received_at, e.read_at, e.body, e.receipted_at, d.person_id
                 FROM envelopes e JOIN devices d ON d.id = e.device_id
                 WHERE e.seq > $1 ORDER BY e.seq LIMIT $2",
                &[&after, &i64::from(limit)],
            )
            .await
            .map_err(db)?;
        Ok(rows
            .iter()
            .map(|r| StoredEnvelope {
                seq: r.get(0),
                device_id: Uuid::parse_str(r.get::<_, &str>(1)).unwrap_or_default(),
                person_name: r.get(2),
                received_at: r.get(3),
                read_at: r.get(4),
                body: r.get(5),
                receipted_at: r.get(6),
                person_id: r.get::<_, Option<String>>(7).and_then(|p| Uuid::parse_str(&p).ok()),
            })
            .collect())
    }

    async fn mark_read(&self, seq: i64, now: i64) -> Result<bool> {
        let client = self.conn().await?;
        Ok(client.execute("UPDATE envelopes SET read_at = $2 WHERE seq = $1 AND read_at IS NULL", &[&seq, &now]).await.map_err(db)? == 1)
    }

    async fn mark_receipted(&self, seq: i64, now: i64) -> Result<()> {
        let client = self.conn().await?;
        client.execute("UPDATE envelopes SET receipted_at = $2 WHERE seq = $1 AND receipted_at IS NULL", &[&seq, &now]).await.map_err(db)?;
        Ok(())
    }

    async fn remove_readers(&self, device_id: Uuid, record_kind: String, readers: Vec<Uuid>) -> Result<u32> {
        let mut client = self.conn().await?;
        let tx = client.transaction().await.map_err(db)?;
        let mut gone = std::collections::HashSet::new();
        for reader in &readers {
            // As the SQLite store: this device's envelopes of the kind, urgent ones left alone.
            let rows = tx
                .query(
                    "DELETE FROM envelope_readers WHERE device_id = $1 AND envelope_id IN
                     (SELECT e.envelope_id FROM envelopes e WHERE e.device_id = $2 AND e.record_kind = $3
                      AND e.envelope_id NOT IN (SELECT envelope_id FROM alerts))
                     RETURNING envelope_id",
                    &[&reader.to_string(), &device_id.to_string(), &record_kind],
                )
                .await
                .map_err(db)?;
            gone.extend(rows.iter().map(|r| r.get::<_, String>(0)));
        }
        tx.commit().await.map_err(db)?;
        Ok(gone.len() as u32)
    }

    async fn delete_envelopes(&self, device_id: Uuid, record_kind: String, record_ids: Vec<Uuid>) -> Result<u32> {
        let mut client = self.conn().await?;
        let tx = client.transaction().await.map_err(db)?;
        let rows = tx
            .query("SELECT seq, body FROM envelopes WHERE device_id = $1 AND record_kind = $2 FOR UPDATE", &[&device_id.to_string(), &record_kind])
            .await
            .map_err(db)?;
        let mut deleted = 0;
        for row in rows {
            let (seq, body): (i64, String) = (row.get(0), row.get(1));
            if record_ids.is_empty() || record_ids.iter().any(|id| crate::store::envelope_names(&body, id)) {
                deleted += tx.execute("DELETE FROM envelopes WHERE seq = $1", &[&seq]).await.map_err(db)? as u32;
            }
        }
        tx.commit().await.map_err(db)?;
        Ok(deleted)
    }

    async fn post_mail(&self, device_id: Uuid, body: String, now: i64) -> Result<i64> {
        let client = self.conn().await?;
        Ok(client
            .query_one("INSERT INTO mailbox (device_id, posted_at, body) VALUES ($1, $2, $3) RETURNING seq", &[&device_id.to_string(), &now, &body])
            .await
            .map_err(db)?
            .get(0))
    }

    async fn shared_with(&self, device_id: Uuid, after: i64, limit: u32) -> Result<Vec<MailItem>> {
        let client = self.conn().await?;
        let rows = client
            .query(
                "SELECT e.seq, e.body FROM envelope_readers r JOIN envelopes e ON e.envelope_id = r.envelope_id
                 WHERE r.device_id = $1 AND e.seq > $2 ORDER BY e.seq LIMIT $3",
                &[&device_id.to_string(), &after, &i64::from(limit)],
            )
            .await
            .map_err(db)?;
        Ok(rows.iter().map(|r| MailItem { seq: r.get(0), body: r.get(1) }).collect())
    }

    async fn ack_mail(&self, device_id: Uuid, seqs: Vec<i64>) -> Result<u32> {
        let client = self.conn().await?;
        let deleted = client
            .execute("DELETE FROM mailbox WHERE device_id = $1 AND seq = ANY($2)", &[&device_id.to_string(), &seqs])
            .await
            .map_err(db)?;
        Ok(deleted as u32)
    }

    async fn mailbox(&self, device_id: Uuid, after: i64, limit: u32) -> Result<Vec<MailItem>> {
        let client = self.conn().await?;
        let rows = client
            .query(
                "SELECT seq, body FROM mailbox WHERE device_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                &[&device_id.to_string(), &after, &i64::from(limit)],
            )
            .await
            .map_err(db)?;
        Ok(rows.iter().map(|r| MailItem { seq: r.get(0), body: r.get(1) }).collect())
    }

    async fn audit(&self, at: i64, device_id: Option<Uuid>, action: &'static str, outcome: String) -> Result<()> {
        let client = self.conn().await?;
        client
            .execute(
                "INSERT INTO audit (at, device_id, action, outcome) VALUES ($1, $2, $3, $4)",
                &[&at, &device_id.map(|d| d.to_string()), &action, &outcome],
            )
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn raise_alert(&self, alert: NewAlert, now: i64) -> Result<Option<i64>> {
        let mut client = self.conn().await?;
        let tx = client.transaction().await.map_err(db)?;
        let row = tx
            .query_opt(
                "INSERT INTO alerts (envelope_id, person_id, raised_at, next_escalation_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (envelope_id) DO NOTHING RETURNING id",
                &[&alert.envelope_id.to_string(), &alert.person_id.map(|p| p.to_string()), &now, &alert.next_escalation_at],
            )
            .await
            .map_err(db)?;
        let Some(row) = row else { return Ok(None) };
        let id: i64 = row.get(0);
        for (worker, why) in &alert.recipients {
            tx.execute(
                "INSERT INTO alert_recipients (alert_id, worker_id, why, alerted_at) VALUES ($1, $2, $3, $4)",
                &[&id, &worker.to_string(), why, &now],
            )
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        Ok(Some(id))
    }

    async fn alerts_for(&self, worker_id: Uuid) -> Result<Vec<waymark_sync::api::AlertView>> {
        let client = self.conn().await?;
        let rows = client
            .query(
                "SELECT a.id, a.envelope_id, a.person_id, a.raised_at, a.acknowledged_at, a.acknowledged_by, r.why, r.alerted_at
                 FROM alerts a JOIN alert_recipients r ON r.alert_id = a.id WHERE r.worker_id = $1
                 ORDER BY a.acknowledged_at IS NOT NULL, a.raised_at DESC, a.id DESC LIMIT 500",
                &[&worker_id.to_string()],
            )
            .await
            .map_err(db)?;
        rows.iter().map(|r| alert_row((r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7)))).collect()
    }

    async fn team_alerts(&self) -> Result<Vec<waymark_sync::api::TeamAlertView>> {
        let client = self.conn().await?;
        let rows = client.query(crate::store::TEAM_ALERTS_SQL, &[]).await.map_err(db)?;
        crate::store::team_alert_rows(
            rows.iter().map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get::<_, i32>(6) as i64, r.get(7), r.get(8), r.get(9))).collect(),
        )
    }

    async fn acknowledge_alert(&self, id: i64, worker_id: Uuid, now: i64) -> Result<bool> {
        let mut client = self.conn().await?;
        let tx = client.transaction().await.map_err(db)?;
        let theirs = tx
            .query_opt("SELECT 1 FROM alert_recipients WHERE alert_id = $1 AND worker_id = $2", &[&id, &worker_id.to_string()])
            .await
            .map_err(db)?;
        if theirs.is_none() {
            return Ok(false);
        }
        tx.execute(
            "UPDATE alerts SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1 AND acknowledged_at IS NULL",
            &[&id, &now, &worker_id.to_string()],
        )
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn due_alerts(&self, now: i64) -> Result<Vec<DueAlert>> {
        let client = self.conn().await?;
        let due = client
            .query("SELECT id, next_escalation_at FROM alerts WHERE acknowledged_at IS NULL AND next_escalation_at <= $1 ORDER BY id", &[&now])
            .await
            .map_err(db)?;
        let mut out = Vec::with_capacity(due.len());
        for row in due {
            let id: i64 = row.get(0);
            let alerted = client
                .query("SELECT worker_id FROM alert_recipients WHERE alert_id = $1 ORDER BY alerted_at, worker_id", &[&id])
                .await
                .map_err(db)?;
            out.push(DueAlert {
                id,
                next_escalation_at: row.get(1),
                alerted: alerted.iter().filter_map(|r| Uuid::parse_str(r.get::<_, &str>(0)).ok()).collect(),
            });
        }
        Ok(out)
    }

    async fn escalate_alert(&self, id: i64, due_at: i64, to: Option<Uuid>, now: i64, next_at: i64) -> Result<bool> {
        let mut client = self.conn().await?;
        let tx = client.transaction().await.map_err(db)?;
        let claimed = tx
            .execute(
                "UPDATE alerts SET escalations = escalations + 1, next_escalation_at = $3
                 WHERE id = $1 AND acknowledged_at IS NULL AND next_escalation_at = $2",
                &[&id, &due_at, &next_at],
            )
            .await
            .map_err(db)?;
        if claimed == 0 {
            return Ok(false);
        }
        if let Some(to) = to {
            tx.execute(
                "INSERT INTO alert_recipients (alert_id, worker_id, why, alerted_at) VALUES ($1, $2, 'escalated', $3)
                 ON CONFLICT (alert_id, worker_id) DO NOTHING",
                &[&id, &to.to_string(), &now],
            )
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn put_resources(&self, version: i64, signed: String, now: i64) -> Result<bool> {
        let client = self.conn().await?;
        let changed = client
            .execute(
                "INSERT INTO resources (singleton, bundle_version, signed, published_at) VALUES (1, $1, $2, $3)
                 ON CONFLICT (singleton) DO UPDATE SET bundle_version = excluded.bundle_version, signed = excluded.signed,
                     published_at = excluded.published_at
                 WHERE excluded.bundle_version > resources.bundle_version",
                &[&version, &signed, &now],
            )
            .await
            .map_err(db)?;
        Ok(changed == 1)
    }

    async fn append_worker_audit(&self, device_id: Uuid, entries: Vec<NewAuditEntry>, now: i64) -> Result<i64> {
        let mut client = self.conn().await?;
        let tx = client.transaction().await.map_err(db)?;
        // One writer at a time, so two instances cannot both take a laptop's next entry.
        tx.batch_execute("LOCK TABLE worker_audit IN EXCLUSIVE MODE").await.map_err(db)?;
        let device = device_id.to_string();
        let head = tx
            .query_opt("SELECT seq, hash FROM worker_audit WHERE device_id = $1 ORDER BY seq DESC LIMIT 1", &[&device])
            .await
            .map_err(db)?
            .map(|r| (r.get::<_, i64>(0), r.get::<_, String>(1)));
        // The hashes kept at the numbers a resend repeats, read first (the rule is not async).
        let mut kept = std::collections::HashMap::new();
        if let Some((head_seq, _)) = &head {
            let repeated: Vec<i64> = entries.iter().map(|e| e.seq).filter(|s| s <= head_seq).collect();
            for row in tx.query("SELECT seq, hash FROM worker_audit WHERE device_id = $1 AND seq = ANY($2)", &[&device, &repeated]).await.map_err(db)? {
                kept.insert(row.get::<_, i64>(0), row.get::<_, String>(1));
            }
        }
        let keep = audit_to_keep(head.clone(), entries, |seq| Ok(kept.get(&seq).cloned()))?;
        let mut last = head.map(|(seq, _)| seq);
        for e in keep {
            tx.execute(
                "INSERT INTO worker_audit (device_id, seq, hash, received_at, body) VALUES ($1, $2, $3, $4, $5)",
                &[&device, &e.seq, &e.hash, &now, &e.body],
            )
            .await
            .map_err(db)?;
            last = Some(e.seq);
        }
        tx.commit().await.map_err(db)?;
        last.ok_or_else(|| ServiceError::BadRequest("no audit entries were given".into()))
    }

    async fn worker_audit(&self, after: i64, limit: u32) -> Result<Vec<(i64, String)>> {
        let client = self.conn().await?;
        let rows = client
            .query("SELECT entry_no, body FROM worker_audit WHERE entry_no > $1 ORDER BY entry_no LIMIT $2", &[&after, &i64::from(limit)])
            .await
            .map_err(db)?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    async fn resources(&self) -> Result<Option<(i64, String)>> {
        let client = self.conn().await?;
        let row = client.query_opt("SELECT bundle_version, signed FROM resources", &[]).await.map_err(db)?;
        Ok(row.map(|r| (r.get(0), r.get(1))))
    }
}
