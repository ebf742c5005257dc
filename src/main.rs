//! The `gezinsplan` binary: hands the process's arguments, streams and date to the library.

use std::io::{self, BufWriter};
use std::process::ExitCode;

fn main() -> ExitCode {
    let stdout = io::stdout();
    let color = anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never;
    let mut out = BufWriter::new(stdout.lock());
    let streams = gezinsplan::Streams {
        stdin: &mut io::stdin().lock(),
        stdout: &mut out,
        stderr: &mut io::stderr().lock(),
        stdout_color: color,
    };
    let today = chrono::Local::now().date_naive();
    gezinsplan::run(std::env::args_os(), today, streams).into()
}
