use std::process::ExitCode;

fn main() -> ExitCode {
    // The help and clap's errors in the language the line asks for, French by default.
    let mut cli = match actormap::help::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err((said, code)) => {
            if code == 0 {
                anstream::print!("{said}");
            } else {
                anstream::eprint!("{said}");
            }
            return ExitCode::from(code);
        }
    };
    // The process ends with the command: what it loaded is not freed piece by piece.
    cli.exiting = true;
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
