use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = actormap::cli::Cli::parse();
    // Styles are stripped when stdout is not a terminal, or with NO_COLOR.
    let mut stdout = anstream::stdout().lock();
    match actormap::run(&cli, &mut stdout) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            // Errors quote the user's data: shown with its control characters made visible.
            // Said in --lang, else the language the territory asks for, else French.
            let lang = e.language(cli.lang.map(Into::into));
            eprintln!("{}", actormap::terminal::escape_lines(&e.render(lang)));
            ExitCode::from(e.exit_code())
        }
    }
}
