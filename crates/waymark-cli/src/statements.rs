//! `waymark statement …`: the statement commands of the application layer.

use clap::Subcommand;
use waymark_commands::statements::{self, QuestionSetRequest, SaveAnswerRequest, SaveWordsRequest, SetStatementStatusRequest, StartStatementRequest};
use waymark_commands::views::AnswerView;
use waymark_core::domain::{StatementKind, StatementStatus};
use waymark_core::Language;

use crate::{Context, Outcome};

#[derive(Subcommand)]
pub enum StatementCommand {
    /// Start a statement: review_preparation, worried, good_news, change_something, service_feedback or not_safe.
    New {
        #[arg(long)]
        kind: String,
        #[arg(long)]
        words: Option<String>,
    },
    /// Answer one review question.
    Answer {
        id: String,
        #[arg(long)]
        question: String,
        #[arg(long)]
        face: Option<u8>,
        #[arg(long)]
        choice: Option<String>,
        #[arg(long)]
        words: Option<String>,
    },
    /// Write (or rewrite) what a between-review statement says.
    Words { id: String, words: String },
    /// Change status: draft or ready (shared, received and read follow from sending and the
    /// service's receipts).
    Status { id: String, status: String },
    /// Print the current review questions.
    Questions,
}

/// The command line speaks English (it is for administrators and scripts).
const ENGLISH: Language = Language::EnGb;

pub fn run(cx: &mut Context, cmd: StatementCommand) -> Outcome {
    match cmd {
        StatementCommand::Questions => {
            let set = cx.call(statements::question_set(&cx.app, QuestionSetRequest { language: ENGLISH }))?;
            println!("{} (question set '{}', version {})", set.title, set.id, set.version);
            for q in &set.questions {
                // The values, which is what `statement answer --choice` takes.
                let values: Vec<&str> = q.choices.iter().map(|c| c.value.as_str()).collect();
                let extra = if values.is_empty() { String::new() } else { format!(" [{}]", values.join(" | ")) };
                println!("  {:<14} {}: {}{}", q.id, q.kind, q.prompt, extra);
            }
        }
        StatementCommand::New { kind, words } => {
            let kind = StatementKind::parse(&kind)?;
            cx.unlock()?;
            let mut st = cx.call(statements::start_statement(&cx.app, StartStatementRequest { kind }))?;
            if let Some(words) = words {
                st = cx.call(statements::save_words(&cx.app, SaveWordsRequest { id: st.id, words }))?;
            }
            if st.urgent {
                eprintln!("If you are not safe right now:");
                for h in cx.call(statements::helplines(&cx.app, Default::default()))? {
                    let words = |id: String| waymark_i18n::text(ENGLISH, &id);
                    eprintln!("  {}: {}. {}", words(format!("helpline-{}", h.id)), h.number, words(format!("helpline-{}-note", h.id)));
                }
            }
            println!("{}", st.id);
        }
        StatementCommand::Answer { id, question, face, choice, words } => {
            cx.unlock()?;
            let answer = AnswerView { question_id: question, face, choice, words };
            let st = cx.call(statements::save_answer(&cx.app, SaveAnswerRequest { id, answer }))?;
            println!("Saved ({} answers).", st.answers.len());
        }
        StatementCommand::Words { id, words } => {
            cx.unlock()?;
            cx.call(statements::save_words(&cx.app, SaveWordsRequest { id, words }))?;
            println!("Saved.");
        }
        StatementCommand::Status { id, status } => {
            let status = StatementStatus::parse(&status)?;
            cx.unlock()?;
            let st = cx.call(statements::set_statement_status(&cx.app, SetStatementStatusRequest { id, status }))?;
            println!("Statement is now {}.", st.status.as_str());
        }
    }
    Ok(())
}
