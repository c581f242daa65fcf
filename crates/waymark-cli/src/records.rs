//! `waymark add | list | show`: any record as JSON, for administrators and scripts.

use waymark_commands::operator;
use waymark_core::domain::{RecordBody, RecordKind};
use waymark_core::RecordId;

use crate::{read_file, Context, Failure, Outcome};

fn read_json_arg(data: &str) -> Result<serde_json::Value, Failure> {
    let text = match data.strip_prefix('@') {
        Some(path) => read_file(std::path::Path::new(path))?,
        None => data.to_string(),
    };
    serde_json::from_str(&text).map_err(|e| Failure::Usage(format!("the record is not valid JSON: {e}")))
}

pub fn add(cx: &mut Context, kind: &str, data: &str) -> Outcome {
    let kind = RecordKind::parse(kind)?;
    let data = read_json_arg(data)?;
    cx.unlock()?;
    let rec = operator::add_record(&cx.app, kind, data)?;
    println!("{}", rec.id);
    Ok(())
}

pub fn list(cx: &mut Context, kind: Option<&str>) -> Outcome {
    let kind = kind.map(RecordKind::parse).transpose()?;
    cx.unlock()?;
    let list = operator::list_records(&cx.app, kind)?;
    let mut records = list.records;
    records.sort_by_key(|r| (r.body.kind().as_str(), r.id));
    for r in &records {
        println!("{}  {:<20} v{:<3} {}", r.id, r.body.kind().as_str(), r.version, summary(&r.body));
    }
    for id in &list.damaged {
        eprintln!("warning: record {id} is damaged and could not be opened");
    }
    if records.is_empty() && list.damaged.is_empty() {
        eprintln!("(no records)");
    }
    Ok(())
}

pub fn show(cx: &mut Context, id: &str) -> Outcome {
    let id = RecordId::parse(id)?;
    cx.unlock()?;
    let json = operator::show_record(&cx.app, id)?;
    println!("{}", serde_json::to_string_pretty(&json).expect("serialisable"));
    Ok(())
}

fn summary(body: &RecordBody) -> String {
    let clip = |t: &str| -> String { t.lines().next().unwrap_or("").chars().take(60).collect() };
    match body {
        RecordBody::Statement(s) => format!(
            "{} ({}), {} answers{}",
            s.kind.as_str(),
            s.status().as_str(),
            s.answers.len(),
            s.words.as_deref().map(|w| format!(": {}", clip(w))).unwrap_or_default()
        ),
        RecordBody::Plan(p) => format!("{} v{} ({} goals)", p.title, p.version, p.goals.len()),
        RecordBody::PathwayNote(n) => format!("{}{}", clip(&n.text), if n.shared { " [shared]" } else { " [private]" }),
        RecordBody::ResourceMark(m) => format!(
            "{}{}{}",
            m.resource_id,
            if m.bookmarked { " [bookmarked]" } else { "" },
            if m.read_at.is_some() { " [read]" } else { "" }
        ),
        RecordBody::SaferCaringPolicy(p) => format!("{} ({} sections)", p.household, p.sections.len()),
        RecordBody::LearningEntry(e) => format!("{} {} ({} min)", e.date, e.title, e.minutes),
        RecordBody::ConsentEvent(e) => format!("{:?} {} -> {}", e.action, e.record_kind.as_str(), e.recipient),
        RecordBody::ShareEntry(e) => format!("{} -> {}", e.record_id, e.recipient),
    }
}
