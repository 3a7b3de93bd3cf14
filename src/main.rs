#![deny(unsafe_code)]

use std::process::ExitCode;

/// mimalloc rather than the system's allocator: it takes memory from the system in large
/// (transparent huge) pages and reuses what is freed. A large territory's load makes a
/// million small allocations, and a page asked of a virtual machine's system costs more than
/// the work done in it (see the README's speed section).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Keep the memory freed during the run for the run's next allocations: mimalloc hands it back
/// to the system after 10 ms by default, and then asks for it again, zeroed page by page.
#[allow(unsafe_code)]
fn keep_freed_memory() {
    // `mi_option_purge_delay` in mimalloc.h (option numbers are kept across versions; the
    // sys crate names only the older options); -1: never hand memory back before the exit.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: setting an option has no precondition; mimalloc reads it when it next purges.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
}

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
    // The process ends with the command: what it loaded is not freed piece by piece, and
    // what it frees on the way is kept for its next allocations. `watch` waits between
    // rebuilds: what a rebuild freed goes back to the system.
    cli.exiting = true;
    if !matches!(cli.command, actormap::cli::Command::Watch { .. }) {
        keep_freed_memory();
    }
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
