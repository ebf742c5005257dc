//! The command line, as clap types only. [`Cli::into_command`] turns them once into the plain
//! options each command takes, so clap never reaches the rest of the tool.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::cmd::{self, Command};
use crate::dates::{self, Horizon};
use crate::diagnostic::format::DiagnosticFormat;
use crate::files::Input;
use crate::lang::Lang;
use crate::plan::{Keyword, MeetingKind};
use crate::render::DocFormat;

#[derive(Debug, Parser)]
#[command(
    name = "gezinsplan",
    version,
    about = "Family plans for the 1Gezin1Plan method: check them, print round-table agendas, see what is due",
    long_about = "Family plans for the 1Gezin1Plan method (one family, one plan).\n\n\
        One YAML file per family holds the family's goals, the network, the agreements and the \
        meetings. gezinsplan checks those files, renders the agenda of the next round-table \
        meeting, and lists what is due across all your families. It never sends anything anywhere.",
    after_help = "Exit status: 0 all is well, 1 problems found in a plan, 2 wrong use or a file that cannot be read or written."
)]
pub struct Cli {
    /// When to colour diagnostics
    #[arg(long, value_enum, global = true, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Commands,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Commands {
    /// Start a plan for a new family: a commented file that walks you through the first steps
    New(NewArgs),
    /// Check plans: every mistake with file, line, the path in the document and a fix
    Validate(ValidateArgs),
    /// Render the agenda of a meeting (Markdown or printable HTML), in Dutch by default
    Agenda(AgendaArgs),
    /// List what is due across all plans: evaluations, goals, agreements that end
    Due(DueArgs),
    /// Render the plan document ("het gezinsplan") for the family or one person
    Show(ShowArgs),
    /// Write a mail draft (.eml) per invitee with their agenda, plan and calendar invitation
    Invite(InviteArgs),
    /// Create or complete a private plans repository (git, schema, hook, README), never overwriting
    Init(InitArgs),
    /// What changed in a plan since a git revision or the last meeting, in the method's terms
    Diff(DiffArgs),
    /// Anonymous figures across plans, for the region (groups under 5 plans are not broken down)
    Stats(StatsArgs),
    /// Print the JSON Schema of the plan format, for editors
    Schema,
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the manual page (roff)
    Man,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("from").required(true).args(["since", "since_meeting"])))]
pub struct DiffArgs {
    /// The plan file (in a git repository)
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Compare with the plan as it was in this revision (a commit, branch, tag, HEAD~3)
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
    /// Compare with the last commit before the most recent meeting that took place
    #[arg(long)]
    pub since_meeting: bool,
    /// Compare up to this revision instead of the file as it is now
    #[arg(long, value_name = "REV")]
    pub until: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormatArg::Md)]
    pub format: DiffFormatArg,
    /// Only what the family shares with this person (an id from the plan)
    #[arg(long = "for", value_name = "ID")]
    pub for_id: Option<String>,
    /// Language of the report
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Today's date (YYYY-MM-DD), which tells the meetings that took place
    #[arg(long, value_name = "DATE", env = "GEZINSPLAN_TODAY", value_parser = parse_date_arg)]
    pub today: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormatArg {
    Md,
    Json,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Plan files or folders (searched for *.yaml and *.yml)
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Today's date (YYYY-MM-DD), the day the figures are taken
    #[arg(long, value_name = "DATE", env = "GEZINSPLAN_TODAY", value_parser = parse_date_arg)]
    pub today: Option<NaiveDate>,
    /// Output format
    #[arg(long, value_enum, default_value_t = StatsFormatArg::Table)]
    pub format: StatsFormatArg,
    /// Language of the table and Markdown
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormatArg {
    Table,
    Json,
    Md,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The plans repository
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The family's name, e.g. "Familie Jansen"
    pub name: String,
    /// Folder to write the plan in
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// A family member as "NAME:ROLE", e.g. "Sanne Jansen:moeder" (repeat for each member)
    #[arg(long = "member", value_name = "NAME:ROLE")]
    pub members: Vec<String>,
    /// The care coordinator's name (a member's name, or someone who joins the network)
    #[arg(long, value_name = "NAME")]
    pub coordinator: Option<String>,
    /// Today's date (YYYY-MM-DD), written as the plan's start
    #[arg(long, value_name = "DATE", env = "GEZINSPLAN_TODAY", value_parser = parse_date_arg)]
    pub today: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Plan files or folders (searched for *.yaml and *.yml); `-` reads one plan from stdin
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format of the diagnostics
    #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
    pub format: ValidateFormat,
    /// Fail (exit status 1) on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    Text,
    Json,
    Github,
    Sarif,
}

#[derive(Debug, Args)]
pub struct DocArgs {
    /// The copy for one person (an id from the plan): only what the family shares with them
    #[arg(long = "for", value_name = "ID")]
    pub for_id: Option<String>,
    /// Document format
    #[arg(long, value_enum, default_value_t = DocFormatArg::Md)]
    pub format: DocFormatArg,
    /// Write to this file (atomically) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Language of the document
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Templates that replace the built-in ones (default: templates/ in the plans repository)
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// The plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// The meeting on this date (YYYY-MM-DD); default: the first one on or after today
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Render the agenda as this kind of meeting instead of the meeting's own kind
    #[arg(long, value_name = "KIND", value_parser = parse_kind_arg)]
    pub kind: Option<MeetingKind>,
    /// Today's date (YYYY-MM-DD), for choosing the next meeting
    #[arg(long, value_name = "DATE", env = "GEZINSPLAN_TODAY", value_parser = parse_date_arg)]
    pub today: Option<NaiveDate>,
    #[command(flatten)]
    pub doc: DocArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Today's date (YYYY-MM-DD), which separates meetings held from meetings planned
    #[arg(long, value_name = "DATE", env = "GEZINSPLAN_TODAY", value_parser = parse_date_arg)]
    pub today: Option<NaiveDate>,
    #[command(flatten)]
    pub doc: DocArgs,
}

#[derive(Debug, Args)]
pub struct InviteArgs {
    /// The plan file
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// The meeting on this date (YYYY-MM-DD); default: the first one on or after today
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Today's date (YYYY-MM-DD), for choosing the next meeting
    #[arg(long, value_name = "DATE", env = "GEZINSPLAN_TODAY", value_parser = parse_date_arg)]
    pub today: Option<NaiveDate>,
    /// Folder to write the drafts in (created when missing)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The sender, as "Name <address>"; default: the coordinator
    #[arg(long, value_name = "NAME <ADDRESS>")]
    pub from: Option<String>,
    /// Language of the mails and documents
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Replace drafts that exist already
    #[arg(long)]
    pub force: bool,
    /// Templates that replace the built-in ones (default: templates/ in the plans repository)
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormatArg {
    Md,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    /// Plan files or folders (searched for *.yaml and *.yml)
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Today's date (YYYY-MM-DD); default: $GEZINSPLAN_TODAY, else the system's date
    #[arg(long, value_name = "DATE", env = "GEZINSPLAN_TODAY", value_parser = parse_date_arg)]
    pub today: Option<NaiveDate>,
    /// How far ahead to look: days (14d), weeks (2w) or months (1m)
    #[arg(long, value_name = "DURATION", default_value = "14d", value_parser = Horizon::parse)]
    pub within: Horizon,
    /// Output format: a table, JSON, or an iCalendar file to import or subscribe to
    #[arg(long, value_enum, default_value_t = DueFormatArg::Table)]
    pub format: DueFormatArg,
    /// Language of the calendar's texts (with --format ics)
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DueFormatArg {
    Table,
    Json,
    Ics,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

fn parse_date_arg(text: &str) -> Result<NaiveDate, String> {
    dates::parse_date(text).map_err(|p| format!("{}; {}", p.message, p.help))
}

fn parse_kind_arg(text: &str) -> Result<MeetingKind, String> {
    MeetingKind::parse(text).ok_or_else(|| {
        let words: Vec<&str> = MeetingKind::ALL.iter().map(|(_, s)| *s).collect();
        format!("unknown kind `{text}`; use one of: {}", words.join(", "))
    })
}

impl DocArgs {
    fn into_options(self) -> cmd::DocOptions {
        cmd::DocOptions {
            for_id: self.for_id,
            format: match self.format {
                DocFormatArg::Md => DocFormat::Markdown,
                DocFormatArg::Html => DocFormat::Html,
            },
            output: self.output,
            force: self.force,
            lang: self.lang.into(),
            templates: self.templates,
        }
    }
}

impl Cli {
    /// The command with plain options; `today` is the system's date, used where no date is given.
    pub fn into_command(self, today: NaiveDate) -> Command {
        match self.command {
            Commands::New(a) => Command::New(cmd::new::Options {
                name: a.name,
                dir: a.dir,
                members: a.members,
                coordinator: a.coordinator,
                today: a.today.unwrap_or(today),
            }),
            Commands::Validate(a) => Command::Validate(cmd::validate::Options {
                inputs: a.paths.iter().map(|p| Input::from_arg(p)).collect(),
                format: match a.format {
                    ValidateFormat::Text => DiagnosticFormat::Text,
                    ValidateFormat::Json => DiagnosticFormat::Json,
                    ValidateFormat::Github => DiagnosticFormat::Github,
                    ValidateFormat::Sarif => DiagnosticFormat::Sarif,
                },
                deny_warnings: a.deny_warnings,
            }),
            Commands::Agenda(a) => Command::Agenda(cmd::agenda::Options {
                plan: a.plan,
                date: a.date,
                kind: a.kind,
                today: a.today.unwrap_or(today),
                doc: a.doc.into_options(),
            }),
            Commands::Show(a) => Command::Show(cmd::show::Options {
                plan: a.plan,
                today: a.today.unwrap_or(today),
                doc: a.doc.into_options(),
            }),
            Commands::Invite(a) => Command::Invite(cmd::invite::Options {
                plan: a.plan,
                date: a.date,
                today: a.today.unwrap_or(today),
                out: a.out,
                from: a.from,
                lang: a.lang.into(),
                force: a.force,
                templates: a.templates,
            }),
            Commands::Init(a) => Command::Init(cmd::init::Options { dir: a.dir }),
            Commands::Diff(a) => Command::Diff(cmd::diff::Options {
                plan: a.plan,
                since: match a.since {
                    Some(revision) => cmd::diff::Since::Revision(revision),
                    None => cmd::diff::Since::LastMeeting,
                },
                until: a.until,
                format: match a.format {
                    DiffFormatArg::Md => cmd::diff::Format::Markdown,
                    DiffFormatArg::Json => cmd::diff::Format::Json,
                },
                for_id: a.for_id,
                lang: a.lang.into(),
                today: a.today.unwrap_or(today),
            }),
            Commands::Stats(a) => Command::Stats(cmd::stats::Options {
                inputs: a.paths.iter().map(|p| Input::from_arg(p)).collect(),
                today: a.today.unwrap_or(today),
                format: match a.format {
                    StatsFormatArg::Table => cmd::stats::Format::Table,
                    StatsFormatArg::Json => cmd::stats::Format::Json,
                    StatsFormatArg::Md => cmd::stats::Format::Markdown,
                },
                lang: a.lang.into(),
            }),
            Commands::Schema => Command::Schema,
            Commands::Completions(a) => {
                let mut script = Vec::new();
                clap_complete::generate(a.shell, &mut Cli::command(), "gezinsplan", &mut script);
                Command::Print(script)
            }
            Commands::Man => {
                let mut page = Vec::new();
                // Writing into a Vec cannot fail.
                let _ = clap_mangen::Man::new(Cli::command()).render(&mut page);
                Command::Print(page)
            }
            Commands::Due(a) => Command::Due(cmd::due::Options {
                inputs: a.paths.iter().map(|p| Input::from_arg(p)).collect(),
                today: a.today.unwrap_or(today),
                within: a.within,
                format: match a.format {
                    DueFormatArg::Table => cmd::due::Format::Table,
                    DueFormatArg::Json => cmd::due::Format::Json,
                    DueFormatArg::Ics => cmd::due::Format::Ics,
                },
                lang: a.lang.into(),
            }),
        }
    }
}
